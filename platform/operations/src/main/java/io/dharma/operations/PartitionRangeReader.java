package io.dharma.operations;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads fixed offset ranges with a manually assigned consumer, handing every record to the
 * handler in offset order within its partition. A range is done when the consumer's position
 * reaches its stop offset: positions also move over transaction markers and aborted records,
 * which a count of records alone would wait for forever.
 */
final class PartitionRangeReader {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Offsets read so far out of the total, after each poll. */
    interface Progress {
        void advanced(long offsetsDone, long offsetsTotal);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final Duration stallTimeout;

    PartitionRangeReader(KafkaConsumer<String, byte[]> consumer, Duration stallTimeout) {
        this.consumer = consumer;
        this.stallTimeout = stallTimeout;
    }

    void read(List<PartitionRange> ranges, Consumer<ConsumerRecord<String, byte[]>> handler, Progress progress) {
        read(ranges, handler, progress, partition -> false);
    }

    /** As {@link #read(List, Consumer, Progress)}, leaving a partition early once {@code enough} says so after a poll. */
    void read(List<PartitionRange> ranges, Consumer<ConsumerRecord<String, byte[]>> handler, Progress progress,
            Predicate<TopicPartition> enough) {
        Map<TopicPartition, PartitionRange> open = new HashMap<>();
        ranges.stream().filter(r -> r.size() > 0).forEach(r -> open.put(r.partition(), r));
        long total = ranges.stream().mapToLong(PartitionRange::size).sum();
        if (open.isEmpty()) {
            progress.advanced(total, total);
            return;
        }
        consumer.assign(open.keySet());
        open.values().forEach(r -> consumer.seek(r.partition(), r.start()));
        Map<TopicPartition, Long> done = new HashMap<>();
        long lastDone = -1;
        long lastAdvance = System.nanoTime();
        while (!open.isEmpty()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            for (TopicPartition partition : records.partitions()) {
                PartitionRange range = open.get(partition);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (range != null && record.offset() < range.stop()) {
                        handler.accept(record);
                    }
                }
            }
            for (PartitionRange range : List.copyOf(open.values())) {
                long position = consumer.position(range.partition());
                done.put(range.partition(), Math.min(position, range.stop()) - range.start());
                if (position >= range.stop() || enough.test(range.partition())) {
                    open.remove(range.partition());
                    consumer.pause(List.of(range.partition()));
                }
            }
            long doneNow = done.values().stream().mapToLong(Long::longValue).sum();
            progress.advanced(doneNow, total);
            if (doneNow != lastDone) {
                lastDone = doneNow;
                lastAdvance = System.nanoTime();
            } else if (System.nanoTime() - lastAdvance > stallTimeout.toNanos()) {
                throw new OperationException("Reading stalled for %ss at %d of %d offsets (partitions still open: %s)"
                        .formatted(stallTimeout.toSeconds(), doneNow, total, open.keySet()));
            }
        }
    }
}
