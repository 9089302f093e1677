package io.dharma.kafka.processing;

import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Makes a listener idempotent on the input envelope's eventId. It runs inside the record's Kafka
 * transaction, before the listener:
 * <ul>
 *   <li>eventId already in the {@link ProcessedEventLog} for this consumer group: the listener is
 *       not called, the offset is committed, nothing is emitted;</li>
 *   <li>otherwise the listener runs, and only after the transaction (outputs + offset) has
 *       committed is the eventId recorded, so the log never claims an output that Kafka lost.</li>
 * </ul>
 * A record without an envelope is unprocessable and goes to the DLT.
 */
final class DeduplicatingRecordInterceptor implements RecordInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(DeduplicatingRecordInterceptor.class);

    private final ProcessedEventLog processedEvents;
    private final ProcessingMetrics metrics;
    private final String listenerId;
    private final String consumerGroup;

    DeduplicatingRecordInterceptor(ProcessedEventLog processedEvents, ProcessingMetrics metrics,
                                   String listenerId, String consumerGroup) {
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.listenerId = listenerId;
        this.consumerGroup = consumerGroup;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        UUID eventId = EnvelopeAccess.requireEnvelope(record.value()).getEventId();
        String topic = record.topic();
        if (processedEvents.contains(consumerGroup, eventId)) {
            LOG.info("Skipping event {} from {}-{}@{}: already processed by {}",
                    eventId, topic, record.partition(), record.offset(), consumerGroup);
            AfterCommit.run("counting the skipped duplicate " + eventId,
                    () -> metrics.deduplicated(listenerId, topic));
            return null;
        }
        AfterCommit.run("recording event " + eventId + " as processed by " + consumerGroup
                + " (a later duplicate of it would be processed again, re-emitting the same deterministic eventIds)",
                () -> {
                    processedEvents.record(consumerGroup, eventId);
                    metrics.processed(listenerId, topic);
                    LOG.debug("Processed event {} from {}-{}@{}", eventId, topic, record.partition(), record.offset());
                });
        return record;
    }
}
