package io.dharma.operations;

import java.util.Optional;

/** A page of a blueprint's timeline and, when more entries follow, where the next page starts. */
public record AuditPage(AuditTimeline timeline, Optional<AuditPosition> next) {
}
