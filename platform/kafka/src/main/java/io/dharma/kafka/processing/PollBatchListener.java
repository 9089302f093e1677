package io.dharma.kafka.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConsumerAwareMessageListener;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.SerializationUtils;

import io.dharma.events.Envelope;
import io.micrometer.observation.ObservationRegistry;

/**
 * Runs a service's record listener over a whole poll batch inside one Kafka transaction (the
 * outputs of every record and the batch's offsets commit together), with one processed-event
 * lookup, one insert before the commit and one update after it for the whole batch, instead of a
 * transaction and three statements per record.
 *
 * <ul>
 *   <li>A record already processed by the group (see {@link ProcessedEventLog.Entry#makesRedundant})
 *       or earlier in the same batch is skipped; its offset commits with the batch.</li>
 *   <li>A record that cannot be read (not Avro of a known schema, no envelope) goes to its DLT in
 *       the batch's transaction, and the batch goes on; unless the schema registry did not answer,
 *       which rolls the batch back like a listener failure (the bytes may be fine).</li>
 *   <li>A listener failure rolls the whole batch back ({@link PollBatchFailedException}), so no
 *       record's partial outputs commit; {@link PollBatchRetry} then retries the batch, and once the
 *       failing record has used its attempts (at once for a failure no retry can fix) it marks it
 *       for the DLT: on the next delivery it is dead-lettered inside the batch, the others proceed.
 *       A failure because a dependency is unavailable uses no attempts: the batch waits for it.</li>
 * </ul>
 *
 * <p>A batch listener gets no span per record from Spring Kafka, so each record's listener call is
 * observed here ({@link RecordProcessingObservationConvention}), continuing the trace of the
 * record's {@code traceparent} header: what the listener emits carries the same trace.
 */
final class PollBatchListener implements BatchConsumerAwareMessageListener<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PollBatchListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(PollBatchListener.class);

    private final Object recordListener;
    private final ProcessedEventLog processedEvents;
    private final ProcessingMetrics metrics;
    private final DeadLetterHandling deadLetters;
    private final PollBatchRetry retry;
    private final String listenerId;
    private final String consumerGroup;
    private final ObservationRegistry observations;

    /** @param observations observes each record's listener call; {@link ObservationRegistry#NOOP} for none */
    PollBatchListener(Object recordListener, ProcessedEventLog processedEvents, ProcessingMetrics metrics,
            DeadLetterHandling deadLetters, PollBatchRetry retry, String listenerId, String consumerGroup,
            ObservationRegistry observations) {
        this.recordListener = recordListener;
        this.processedEvents = processedEvents;
        this.metrics = metrics;
        this.deadLetters = deadLetters;
        this.retry = retry;
        this.listenerId = listenerId;
        this.consumerGroup = consumerGroup;
        this.observations = observations;
    }

    @Override
    public void onMessage(List<ConsumerRecord<Object, Object>> records, Consumer<?, ?> consumer) {
        Map<UUID, ProcessedEventLog.Entry> known = processedEvents.findAll(consumerGroup,
                records.stream().map(PollBatchListener::eventIdOf).flatMap(Optional::stream).toList());
        Map<UUID, ConsumerRecord<?, ?>> processed = new LinkedHashMap<>();
        List<String> skippedTopics = new ArrayList<>();
        for (ConsumerRecord<Object, Object> record : records) {
            try (LoggingContext logging = LoggingContext.of(record)) {
                Optional<Exception> deadLetterDue = retry.takeDeadLetterDue(record);
                Optional<Exception> unreadable = deadLetterDue.isPresent() ? deadLetterDue : unreadable(record);
                if (unreadable.isPresent() && deadLetterDue.isEmpty() && retry.dependencyUnavailable(unreadable.get())) {
                    // The registry did not answer: the bytes may be fine. Roll back and wait for it.
                    throw new PollBatchFailedException(record, asRuntime(unreadable.get()));
                }
                if (unreadable.isPresent()) {
                    deadLetter(record, consumer, unreadable.get());
                    continue;
                }
                UUID eventId = eventIdOf(record).orElseThrow();
                ProcessedEventLog.Entry entry = known.get(eventId);
                if (processed.containsKey(eventId) || (entry != null && entry.makesRedundant(record))) {
                    LOG.info("Skipping event {} from {}-{}@{}: already processed by {}",
                            eventId, record.topic(), record.partition(), record.offset(), consumerGroup);
                    skippedTopics.add(record.topic());
                    continue;
                }
                KafkaListenerObservation.LISTENER_OBSERVATION.observation(null, RecordProcessingObservationConvention.INSTANCE,
                        () -> new KafkaRecordReceiverContext(record, listenerId, null, consumerGroup, () -> null), observations)
                        .observe(() -> invoke(record, consumer));
                retry.succeeded(record);
                processed.put(eventId, record);
            }
        }
        CommitHooks.beforeCommit("recording " + processed.size() + " events as processed by " + consumerGroup,
                () -> processedEvents.recordProcessingAll(consumerGroup, processed));
        CommitHooks.afterCommit("marking " + processed.size() + " events as committed by " + consumerGroup
                + " (a reprocess of the same records after a group reset would emit them again)", () -> {
                    retry.batchCommitted();
                    processedEvents.markCommittedAll(consumerGroup, processed.keySet());
                    processed.values().forEach(record -> metrics.processed(listenerId, record.topic()));
                    skippedTopics.forEach(topic -> metrics.deduplicated(listenerId, topic));
                });
    }

    /**
     * Dead-letters in the batch's transaction. The failure is wrapped as the container wraps a record
     * listener's, which is where Spring's recoverer reads the consumer group header from.
     */
    private void deadLetter(ConsumerRecord<Object, Object> record, Consumer<?, ?> consumer, Exception failure) {
        deadLetters.deadLetter(listenerId, record, consumer,
                new ListenerExecutionFailedException("Dead-lettered by " + listenerId, consumerGroup, failure));
    }

    @SuppressWarnings("unchecked")
    private void invoke(ConsumerRecord<Object, Object> record, Consumer<?, ?> consumer) {
        try {
            switch (recordListener) {
                case AcknowledgingConsumerAwareMessageListener<?, ?> listener ->
                        ((AcknowledgingConsumerAwareMessageListener<Object, Object>) listener).onMessage(record, null, consumer);
                case ConsumerAwareMessageListener<?, ?> listener ->
                        ((ConsumerAwareMessageListener<Object, Object>) listener).onMessage(record, consumer);
                case MessageListener<?, ?> listener -> ((MessageListener<Object, Object>) listener).onMessage(record);
                default -> throw new IllegalStateException("Not a record listener: " + recordListener.getClass().getName());
            }
        } catch (RuntimeException e) {
            throw new PollBatchFailedException(record, e);
        }
    }

    private static RuntimeException asRuntime(Exception failure) {
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure.getMessage(), failure);
    }

    /** Why a record cannot be handed to the listener at all, if so. */
    private static Optional<Exception> unreadable(ConsumerRecord<Object, Object> record) {
        DeserializationException failed = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        if (failed != null) {
            return Optional.of(failed);
        }
        if (EnvelopeAccess.envelopeOf(record.value()).isEmpty()) {
            return Optional.of(new UnprocessableEventException("Value " + (record.value() == null ? "null"
                    : record.value().getClass().getName()) + " is not a Dharma event: it has no '"
                    + EnvelopeAccess.FIELD + "' field of type " + Envelope.class.getName()));
        }
        return Optional.empty();
    }

    private static Optional<UUID> eventIdOf(ConsumerRecord<Object, Object> record) {
        return EnvelopeAccess.envelopeOf(record.value()).map(Envelope::getEventId);
    }
}
