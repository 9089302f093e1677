package io.dharma.notifier.store;

import java.util.UUID;

/** A due delivery a worker has claimed (for the lease), with its subscription and the CloudEvent to send. */
public record ClaimedDelivery(Subscription subscription, UUID eventId, String eventType, String cloudEvent, int attempts) {
}
