package io.dharma.kafka.processing;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What happens after a poll batch's transaction rolled back: the consumer is sought back to the
 * start of the batch, so the whole batch is delivered again. The record the listener failed on
 * is counted: a transient failure waits with exponential backoff before the next delivery; once
 * its attempts are used up (at once for a failure no retry can fix) the record is marked, and
 * {@link PollBatchListener} dead-letters it on its next delivery instead of calling the listener.
 * The counts live in memory: after a restart or a rebalance a record starts its attempts again.
 */
final class PollBatchRetry implements AfterRollbackProcessor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PollBatchRetry.class);

    private record Coordinates(String topic, int partition, long offset) {

        static Coordinates of(ConsumerRecord<?, ?> record) {
            return new Coordinates(record.topic(), record.partition(), record.offset());
        }
    }

    private final FailureClassifier classifier;
    private final DharmaProcessingProperties.Retry settings;
    private final Map<Coordinates, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<Coordinates, Exception> deadLetterDue = new ConcurrentHashMap<>();

    PollBatchRetry(FailureClassifier classifier, DharmaProcessingProperties.Retry settings) {
        this.classifier = classifier;
        this.settings = settings;
    }

    /** The failure to dead-letter {@code record} with, if its attempts are used up; asked once. */
    Optional<Exception> takeDeadLetterDue(ConsumerRecord<?, ?> record) {
        return deadLetterDue.isEmpty() ? Optional.empty() : Optional.ofNullable(deadLetterDue.remove(Coordinates.of(record)));
    }

    /** The listener handled {@code record}: its failed attempts, if any, are forgotten. */
    void succeeded(ConsumerRecord<?, ?> record) {
        if (!attempts.isEmpty()) {
            attempts.remove(Coordinates.of(record));
        }
    }

    @Override
    public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> recordList,
            Consumer<Object, Object> consumer, MessageListenerContainer container, Exception exception,
            boolean recoverable, ContainerProperties.EOSMode eosMode) {
        PollBatchFailedException failed = find(exception);
        if (failed == null) {
            LOG.warn("Poll batch of {} records rolled back, delivering it again: {}", recordList.size(), exception.toString());
            pause(settings.initialInterval());
        } else {
            Coordinates at = Coordinates.of(failed.record());
            Exception cause = (Exception) failed.getCause();
            Failure failure = classifier.classify(cause);
            int attempt = attempts.merge(at, 1, Integer::sum);
            if (!failure.kind().retryable() || attempt >= settings.maxAttempts()) {
                attempts.remove(at);
                deadLetterDue.put(at, cause);
            } else {
                Duration delay = delay(attempt);
                LOG.warn("Attempt {} of {}-{}@{} failed, the batch is delivered again in {}: {}", attempt, at.topic(),
                        at.partition(), at.offset(), delay, cause.toString());
                pause(delay);
            }
        }
        seekToStart(recordList, consumer);
    }

    /** Record listeners never reach this processor (see DharmaListenerContainerCustomizer); seeks back all the same. */
    @Override
    public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer,
            MessageListenerContainer container, Exception exception, boolean recoverable, ContainerProperties.EOSMode eosMode) {
        seekToStart(records, consumer);
    }

    private Duration delay(int attempt) {
        double millis = settings.initialInterval().toMillis() * Math.pow(settings.multiplier(), attempt - 1);
        return Duration.ofMillis((long) Math.min(millis, settings.maxInterval().toMillis()));
    }

    private static void seekToStart(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> consumer) {
        Map<TopicPartition, Long> start = new HashMap<>();
        for (ConsumerRecord<Object, Object> record : records) {
            start.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        start.forEach((partition, offset) -> {
            try {
                consumer.seek(partition, offset);
            } catch (IllegalStateException notAssignedAnyMore) {
                // Revoked meanwhile: its new owner starts from the committed offset.
            }
        });
    }

    private static PollBatchFailedException find(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PollBatchFailedException failed) {
                return failed;
            }
        }
        return null;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
