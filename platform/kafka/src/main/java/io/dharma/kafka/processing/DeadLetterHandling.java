package io.dharma.kafka.processing;

import io.dharma.kafka.lifecycle.RetrySettings;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

import io.dharma.topics.DharmaTopic;

/**
 * Dead letters: a record that cannot be processed ({@link FailureClassifier}: unreadable, not
 * retryable, or out of attempts, see {@link PollBatchRetry}) is published to {@code <topic>.dlt},
 * same partition, in the transaction that also commits its offset, so it is neither lost nor
 * dead-lettered twice and the partition moves on.
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

    private final FailureClassifier classifier;
    private final RetrySettings retry;
    private final ProcessingMetrics metrics;
    private final DeadLetterPublishingRecoverer publisher;

    public DeadLetterHandling(KafkaOperations<?, ?> template, FailureClassifier classifier,
                              RetrySettings retry, ProcessingMetrics metrics) {
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

    /** Retries of poll batches for {@link PollBatchListener} (one per listener container). */
    PollBatchRetry pollBatchRetry(DharmaProcessingProperties.Outage outage) {
        return new PollBatchRetry(classifier, retry, outage);
    }

    /** Dead-letters {@code record} in the current transaction; counted once that commits. */
    void deadLetter(String listenerId, ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        new CountingRecoverer(listenerId).accept(record, consumer, exception);
    }

    /** Publishes to the DLT inside the current transaction and counts it once that commits. */
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
                        // After the commit, so outside the record's own logging context: name its event again.
                        try (LoggingContext logging = LoggingContext.of(record)) {
                            LOG.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                                    record.topic() + DharmaTopic.DEAD_LETTER_SUFFIX, reason);
                        }
                    });
        }
    }
}
