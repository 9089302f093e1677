package io.dharma.notifier.store;

import java.time.Instant;
import java.util.UUID;

/** One notification to one subscription, as the delivery log shows it. */
public record Delivery(UUID subscriptionId, UUID eventId, String eventType, DeliveryStatus status, Attempts attempts,
        Instant createdAt, Instant deliveredAt) {

    /** What sending it has come to so far. */
    public record Attempts(int count, Instant nextAttemptAt, Integer lastStatusCode, String lastError) {
    }
}
