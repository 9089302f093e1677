package io.dharma.intake.store;

import java.util.UUID;

/** A blueprint id and one of its version numbers. */
public record VersionRef(UUID blueprintId, int version) {
}
