package io.dharma.kafka.processing;

import io.dharma.kafka.lifecycle.RetrySettings;
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
import org.springframework.kafka.listener.ListenerUtils;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * What happens after a poll batch's transaction rolled back: the consumer is sought back to the
 * start of the batch, so the whole batch is delivered again. Why it failed decides the rest:
 *
 * <ul>
 *   <li>A dependency did not answer ({@link FailureKind#UNAVAILABLE}: PostgreSQL, the registry,
 *       Kafka), whether in the listener or in the batch's own bookkeeping: nobody's attempts are
 *       counted and nothing is dead-lettered; the container waits (capped exponential backoff,
 *       {@code dharma.kafka.processing.outage.*}) and delivers the batch again, for as long as the
 *       outage lasts. The wait grows over consecutive failed deliveries of a consumer thread and
 *       starts over once one of its batches commits.</li>
 *   <li>The listener failed on a record in another way: that record is counted. A transient failure
 *       waits with exponential backoff before the next delivery; once its attempts are used up (at
 *       once for a failure no retry can fix) the record is marked, and {@link PollBatchListener}
 *       dead-letters it on its next delivery instead of calling the listener; the rest of the batch
 *       proceeds.</li>
 * </ul>
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
    private final RetrySettings settings;
    private final DharmaProcessingProperties.Outage outage;
    private final Map<Coordinates, Integer> attempts = new ConcurrentHashMap<>();
    private final Map<Coordinates, Exception> deadLetterDue = new ConcurrentHashMap<>();
    /** Consecutive deliveries that failed for an unavailable dependency, per consumer thread. */
    private final Map<Thread, Integer> outageStreak = new ConcurrentHashMap<>();

    PollBatchRetry(FailureClassifier classifier, RetrySettings settings,
                   DharmaProcessingProperties.Outage outage) {
        this.classifier = classifier;
        this.settings = settings;
        this.outage = outage;
    }

    /** Whether {@code failure} means a dependency is unavailable rather than the record being bad. */
    boolean dependencyUnavailable(Exception failure) {
        return classifier.classify(failure).kind() == FailureKind.UNAVAILABLE;
    }

    /** A batch of the calling consumer thread committed: an outage it waited for is over. */
    void batchCommitted() {
        Integer streak = outageStreak.remove(Thread.currentThread());
        if (streak != null) {
            LOG.info("Dependencies answer again after {} failed deliveries; consuming", streak);
        }
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
        Exception cause = failed == null ? exception : (Exception) failed.getCause();
        Failure failure = classifier.classify(cause);
        if (failure.kind() == FailureKind.UNAVAILABLE) {
            int streak = outageStreak.merge(Thread.currentThread(), 1, Integer::sum);
            Duration delay = outage.delay(streak);
            LOG.warn("A dependency is unavailable ({} failed deliveries in a row); the batch of {} records is delivered "
                    + "again in {}, no attempts used: {}", streak, recordList.size(), delay, failure.cause().toString());
            pause(container, delay);
        } else if (failed == null) {
            LOG.warn("Poll batch of {} records rolled back, delivering it again: {}", recordList.size(), exception.toString());
            pause(container, settings.initialInterval());
        } else {
            Coordinates at = Coordinates.of(failed.record());
            int attempt = attempts.merge(at, 1, Integer::sum);
            if (!failure.kind().usesAttempts() || attempt >= settings.maxAttempts()) {
                attempts.remove(at);
                deadLetterDue.put(at, cause);
            } else {
                Duration delay = settings.delay(attempt);
                LOG.warn("Attempt {} of {}-{}@{} failed, the batch is delivered again in {}: {}", attempt, at.topic(),
                        at.partition(), at.offset(), delay, cause.toString());
                pause(container, delay);
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

    /** Sleeps on the consumer thread, but wakes up early when the container is stopped. */
    private static void pause(MessageListenerContainer container, Duration delay) {
        try {
            if (container == null) {
                Thread.sleep(delay);
            } else {
                ListenerUtils.stoppableSleep(container, delay.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
