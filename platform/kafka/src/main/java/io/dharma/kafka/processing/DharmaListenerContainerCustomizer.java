package io.dharma.kafka.processing;

import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Wires each container created by {@code dharmaListenerContainerFactory} for its own listener id
 * and consumer group: logging context and eventId deduplication around the listener (inside the
 * record's transaction), retries and dead-lettering after a rollback.
 */
final class DharmaListenerContainerCustomizer
        implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final ProcessedEventLog processedEvents;
    private final ProcessingMetrics metrics;
    private final DeadLetterHandling deadLetters;

    DharmaListenerContainerCustomizer(ProcessedEventLog processedEvents, ProcessingMetrics metrics,
                                      DeadLetterHandling deadLetters) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        String listenerId = container.getListenerId();
        String group = container.getGroupId();
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("Listener " + listenerId + " on dharmaListenerContainerFactory has no consumer "
                    + "group: give its @KafkaListener an id (used as the group id), e.g. id = \"dharma-generator\"");
        }
        if (container.getContainerProperties().getMessageListener() instanceof BatchMessageListener<?, ?>) {
            throw new IllegalStateException("Listener " + listenerId + " is a batch listener; dharmaListenerContainerFactory "
                    + "deduplicates and dead-letters record by record, so its listeners take one ConsumerRecord");
        }
        // Inside the transaction, so a skipped duplicate commits its offset and processed events
        // are recorded only after the transaction committed.
        container.setInterceptBeforeTx(false);
        container.setRecordInterceptor(new CompositeRecordInterceptor<>(
                new EventLoggingContext(),
                new DeduplicatingRecordInterceptor(processedEvents, metrics, listenerId, group)));
        container.setAfterRollbackProcessor(deadLetters.afterRollbackProcessor(listenerId));
    }
}
