package io.dharma.notifier.api;

import io.dharma.notifier.store.Delivery;
import java.time.Instant;

/** One line of a subscription's delivery log. */
public record DeliveryView(String eventId, String type, String status, int attempts, Integer lastStatusCode,
        String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.eventId().toString(), delivery.eventType(), delivery.status().name(),
                delivery.attempts().count(), delivery.attempts().lastStatusCode(), delivery.attempts().lastError(),
                delivery.createdAt(), delivery.status().name().equals("PENDING") ? delivery.attempts().nextAttemptAt() : null,
                delivery.deliveredAt());
    }
}
