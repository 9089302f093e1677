package io.dharma.orchestrator.events;

import java.util.Objects;

/** The blueprint version an event is about: the envelope fields every deployment event carries. */
public record Subject(String tenantId, String trackingId, String blueprintId, int blueprintVersion) {

    public Subject {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(trackingId, "trackingId");
        Objects.requireNonNull(blueprintId, "blueprintId");
    }
}
