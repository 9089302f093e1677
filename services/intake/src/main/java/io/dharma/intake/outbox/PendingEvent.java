package io.dharma.intake.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An outbox row with everything needed to build its BlueprintSubmitted event. */
record PendingEvent(
        long outboxId,
        UUID eventId,
        UUID blueprintId,
        int version,
        String tenantId,
        UUID trackingId,
        String document,
        String mediaType,
        String canonicalJson,
        String contentHash,
        OffsetDateTime submittedAt,
        String submittedBy) {
}
