package io.dharma.intake.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored version and whether its BlueprintSubmitted event has been published.
 *
 * @param published   false while the event waits in the platform outbox
 * @param publishedAt when it was published, while the outbox still knows (rows are purged in time)
 */
public record TrackedVersion(
        UUID trackingId,
        UUID blueprintId,
        int version,
        String tenantId,
        String name,
        String contentHash,
        OffsetDateTime submittedAt,
        boolean published,
        Optional<OffsetDateTime> publishedAt) {
}
