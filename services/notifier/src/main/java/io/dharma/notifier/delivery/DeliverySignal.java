package io.dharma.notifier.delivery;

import io.dharma.kafka.processing.CommitSignal;

/** Wakes the delivery workers once a transaction committed deliveries to send. */
public class DeliverySignal extends CommitSignal {
}
