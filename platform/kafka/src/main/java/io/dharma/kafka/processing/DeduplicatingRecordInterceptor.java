package io.dharma.kafka.processing;

import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Makes a listener idempotent on the input envelope's eventId. It runs inside the record's Kafka
 * transaction, before the listener, and looks the eventId up in the {@link ProcessedEventLog}:
 * <ul>
 *   <li>not there: the listener runs; just before the transaction (outputs + offset) commits the
 *       eventId is recorded with this record's coordinates, and marked committed just after;</li>
 *   <li>recorded for another record: a duplicate (outbox re-send, replay): the listener is not
 *       called, the offset is committed, nothing is emitted. If the original's transaction did not
 *       commit, its record is redelivered and processed, so nothing is lost;</li>
 *   <li>recorded for this very record but never marked committed: its transaction aborted (or the
 *       process died around the commit; the offset commit then decides), so it is processed again;</li>
 *   <li>recorded for this record and committed: a reprocess after a group reset; skipped.</li>
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
        Optional<ProcessedEventLog.Entry> entry = processedEvents.find(consumerGroup, eventId);
        if (entry.isPresent() && entry.get().makesRedundant(record)) {
            LOG.info("Skipping event {} from {}-{}@{}: already processed by {}",
                    eventId, topic, record.partition(), record.offset(), consumerGroup);
            CommitHooks.afterCommit("counting the skipped duplicate " + eventId,
                    () -> metrics.deduplicated(listenerId, topic));
            return null;
        }
        CommitHooks.beforeCommit("recording event " + eventId + " as processed by " + consumerGroup,
                () -> processedEvents.recordProcessing(consumerGroup, eventId, record));
        CommitHooks.afterCommit("marking event " + eventId + " as committed by " + consumerGroup
                + " (a reprocess of the same record after a group reset would emit it again)",
                () -> {
                    processedEvents.markCommitted(consumerGroup, eventId);
                    metrics.processed(listenerId, topic);
                    LOG.debug("Processed event {} from {}-{}@{}", eventId, topic, record.partition(), record.offset());
                });
        return record;
    }
}
