package io.dharma.kafka.processing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.dharma.kafka.topics.DharmaTopic;

/**
 * What happens after a listener's transaction rolled back: retry with exponential backoff when
 * the {@link FailureClassifier} says transient, otherwise (or when the attempts run out) publish
 * the record to {@code <topic>.dlt}, same partition, and commit its offset, both in one Kafka
 * transaction, so the record is neither lost nor dead-lettered twice and the partition moves on.
 *
 * <p>The DLT record keeps the original key, value (the original bytes when the value could not be
 * deserialized) and headers, plus Spring Kafka's {@code kafka_dlt-*} headers (original topic,
 * partition, offset, timestamp, consumer group, exception class, message and stack trace) and
 * {@value #REASON_HEADER}, one human-readable line.
 */
public final class DeadLetterHandling {

    /** Header with a one-line reason on every dead-lettered record. */
    public static final String REASON_HEADER = "dharma-dlt-reason";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandling.class);
    private static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

    private final KafkaOperations<?, ?> template;
    private final FailureClassifier classifier;
    private final DharmaProcessingProperties.Retry retry;
    private final ProcessingMetrics metrics;
    private final DeadLetterPublishingRecoverer publisher;

    public DeadLetterHandling(KafkaOperations<?, ?> template, FailureClassifier classifier,
                              DharmaProcessingProperties.Retry retry, ProcessingMetrics metrics) {
        this.template = template;
        this.classifier = classifier;
        this.retry = retry;
        this.metrics = metrics;
        this.publisher = new DeadLetterPublishingRecoverer(template, DeadLetterHandling::deadLetterPartition);
        this.publisher.setHeadersFunction((record, exception) -> new RecordHeaders(List.of(new RecordHeader(
                REASON_HEADER, classifier.classify(exception).reason(retry.maxAttempts()).getBytes(StandardCharsets.UTF_8)))));
    }

    /** The dead-letter topic partition of a record: {@code <topic>.dlt}, same partition number. */
    public static TopicPartition deadLetterPartition(ConsumerRecord<?, ?> record, Exception exception) {
        return new TopicPartition(record.topic() + DharmaTopic.DEAD_LETTER_SUFFIX, record.partition());
    }

    /** The after-rollback processor for one listener (its id tags the dead-letter counter). */
    public AfterRollbackProcessor<Object, Object> afterRollbackProcessor(String listenerId) {
        DefaultAfterRollbackProcessor<Object, Object> processor = new DefaultAfterRollbackProcessor<>(
                new CountingRecoverer(listenerId), backOff(), template, true);
        // Every exception type is "retryable" to Spring; the back-off function decides, so that one
        // classifier rules both retries and the reason header.
        processor.setClassifications(Map.of(), true);
        processor.setBackOffFunction((record, exception) ->
                classifier.classify(exception).kind().retryable() ? null : NO_RETRIES);
        return processor;
    }

    private BackOff backOff() {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    /** Publishes to the DLT inside the after-rollback transaction and counts it once that commits. */
    private final class CountingRecoverer implements ConsumerAwareRecordRecoverer {

        private final String listenerId;

        CountingRecoverer(String listenerId) {
            this.listenerId = listenerId;
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
            Failure failure = classifier.classify(exception);
            publisher.accept(record, consumer, exception);
            String reason = failure.reason(retry.maxAttempts());
            CommitHooks.afterCommit("counting the dead letter of " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                    () -> {
                        metrics.deadLettered(listenerId, record.topic(), failure.kind());
                        LOG.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                                record.topic() + DharmaTopic.DEAD_LETTER_SUFFIX, reason);
                    });
        }
    }
}
