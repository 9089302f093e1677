package io.dharma.operations;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Follows a topic as records arrive, decoded like a replay, until {@code stop} says so (the CLI
 * stops on Ctrl-C). Like a replay it never joins a group or commits offsets.
 */
public final class TopicTail {

    private final ClusterAccess cluster;

    public TopicTail(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /** Returns how many records were shown. */
    public long follow(String topic, boolean fromBeginning, Consumer<ReplayedRecord> output, BooleanSupplier stop) {
        try (KafkaConsumer<String, byte[]> consumer = cluster.readOnlyConsumer();
                RecordDecoder decoder = new RecordDecoder(cluster)) {
            TopicOffsets offsets = new TopicOffsets(consumer, cluster);
            List<TopicPartition> partitions = offsets.partitions(topic);
            Map<TopicPartition, Long> start = fromBeginning ? offsets.beginning(partitions) : offsets.end(partitions);
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            long shown = 0;
            while (!stop.getAsBoolean()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    output.accept(ReplayedRecord.of(record, decoder.decode(record)));
                    shown++;
                }
            }
            return shown;
        }
    }
}
