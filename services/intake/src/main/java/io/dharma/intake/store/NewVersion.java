package io.dharma.intake.store;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An accepted blueprint version, with the id of the event that announces it. */
public record NewVersion(
        UUID blueprintId,
        int version,
        UUID trackingId,
        UUID eventId,
        String document,
        String mediaType,
        String canonicalJson,
        String contentHash,
        OffsetDateTime submittedAt,
        String submittedBy) {
}
