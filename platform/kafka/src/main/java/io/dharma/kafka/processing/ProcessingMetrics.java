package io.dharma.kafka.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of what each listener did with its input records, tagged by {@code listener} (the
 * {@code @KafkaListener} id) and input {@code topic}. Kafka's own client metrics (lag, fetch
 * rates) come from Spring Boot's Kafka metrics binders.
 *
 * <ul>
 *   <li>{@code dharma.events.processed}: processed and committed;</li>
 *   <li>{@code dharma.events.deduplicated}: skipped because their eventId was already processed;</li>
 *   <li>{@code dharma.events.dead.lettered}: sent to the DLT, with tag {@code failure}
 *       ({@link FailureKind#tag()}).</li>
 * </ul>
 */
public final class ProcessingMetrics {

    public static final String PROCESSED = "dharma.events.processed";
    public static final String DEDUPLICATED = "dharma.events.deduplicated";
    public static final String DEAD_LETTERED = "dharma.events.dead.lettered";

    private final MeterRegistry registry;

    public ProcessingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void processed(String listenerId, String topic) {
        counter(PROCESSED, "Input events processed and committed", listenerId, topic).increment();
    }

    public void deduplicated(String listenerId, String topic) {
        counter(DEDUPLICATED, "Input events skipped as already processed", listenerId, topic).increment();
    }

    public void deadLettered(String listenerId, String topic, FailureKind kind) {
        Counter.builder(DEAD_LETTERED)
                .description("Input records sent to the dead-letter topic")
                .tag("listener", listenerId)
                .tag("topic", topic)
                .tag("failure", kind.tag())
                .register(registry)
                .increment();
    }

    private Counter counter(String name, String description, String listenerId, String topic) {
        return Counter.builder(name)
                .description(description)
                .tag("listener", listenerId)
                .tag("topic", topic)
                .register(registry);
    }
}
