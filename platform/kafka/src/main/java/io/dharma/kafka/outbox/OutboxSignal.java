package io.dharma.kafka.outbox;

import io.dharma.kafka.processing.CommitSignal;

/** Wakes the relay when outbox rows were committed in this process, instead of at its next poll. */
public final class OutboxSignal extends CommitSignal {
}
