package io.dharma.kafka.processing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import io.micrometer.observation.ObservationRegistry;

/**
 * Wires each container created by {@code dharmaListenerContainerFactory} for its own listener id
 * and consumer group: the service's record listener runs over whole poll batches, one Kafka
 * transaction per batch ({@link PollBatchListener}: logging context, eventId deduplication,
 * dead letters, a span per record), with retries after a rollback ({@link PollBatchRetry}); with
 * {@code dharma.kafka.processing.group-instance-id}, its consumers are static members of the group.
 */
final class DharmaListenerContainerCustomizer
        implements ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> {

    private final ProcessedEventLog processedEvents;
    private final ProcessingMetrics metrics;
    private final DeadLetterHandling deadLetters;
    private final DharmaProcessingProperties.Outage outage;
    private final ObservationRegistry observations;
    private final String groupInstanceId;

    /** @param groupInstanceId prefix of each consumer's group.instance.id, or null for dynamic membership */
    DharmaListenerContainerCustomizer(ProcessedEventLog processedEvents, ProcessingMetrics metrics,
                                      DeadLetterHandling deadLetters, DharmaProcessingProperties.Outage outage,
                                      ObservationRegistry observations, String groupInstanceId) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.outage = outage;
        this.observations = observations;
        this.groupInstanceId = groupInstanceId;
    }

    @Override
    public void configure(ConcurrentMessageListenerContainer<Object, Object> container) {
        String listenerId = container.getListenerId();
        String group = container.getGroupId();
        if (group == null || group.isBlank()) {
            throw new IllegalStateException("Listener " + listenerId + " on dharmaListenerContainerFactory has no consumer "
                    + "group: give its @KafkaListener an id (used as the group id), e.g. id = \"dharma-generator\"");
        }
        Object recordListener = container.getContainerProperties().getMessageListener();
        if (recordListener instanceof BatchMessageListener<?, ?>) {
            throw new IllegalStateException("Listener " + listenerId + " is a batch listener; dharmaListenerContainerFactory "
                    + "batches itself (one transaction per poll) and calls its listeners with one ConsumerRecord at a time");
        }
        if (groupInstanceId != null) {
            // Unique within the group; the container appends -<n> per consumer when its concurrency is above 1.
            container.getContainerProperties().getKafkaConsumerProperties()
                    .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId + "-" + group);
        }
        PollBatchRetry retry = deadLetters.pollBatchRetry(outage);
        // spring.kafka.listener.observation-enabled: a span per record, which the container itself
        // gives only to record listeners.
        ObservationRegistry recordObservations = container.getContainerProperties().isObservationEnabled()
                ? observations : ObservationRegistry.NOOP;
        container.getContainerProperties().setMessageListener(new PollBatchListener(recordListener, processedEvents,
                metrics, deadLetters, retry, listenerId, group, recordObservations));
        container.setAfterRollbackProcessor(retry);
    }
}
