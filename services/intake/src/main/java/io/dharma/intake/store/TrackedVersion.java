package io.dharma.intake.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A stored version and whether its BlueprintSubmitted event has been published. */
public record TrackedVersion(
        UUID trackingId,
        UUID blueprintId,
        int version,
        String tenantId,
        String name,
        String contentHash,
        OffsetDateTime submittedAt,
        Optional<OffsetDateTime> publishedAt) {
}
