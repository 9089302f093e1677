package io.dharma.operations;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/** Partitions and offsets of a topic, as the read-only consumer sees them (read_committed). */
final class TopicOffsets {

    private final KafkaConsumer<String, byte[]> consumer;
    private final ClusterAccess cluster;

    TopicOffsets(KafkaConsumer<String, byte[]> consumer, ClusterAccess cluster) {
        this.consumer = consumer;
        this.cluster = cluster;
    }

    /** The topic's partitions in partition order; fails clearly for a topic that does not exist. */
    List<TopicPartition> partitions(String topic) {
        List<PartitionInfo> infos;
        try {
            infos = consumer.partitionsFor(topic, cluster.timeout());
        } catch (TimeoutException e) {
            throw cluster.unreachable("looking up topic " + topic, e);
        }
        if (infos == null || infos.isEmpty()) {
            throw new OperationException("Unknown topic " + topic + " (see `dharma topics` for the catalogue)");
        }
        return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(java.util.Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    Map<TopicPartition, Long> beginning(List<TopicPartition> partitions) {
        return call(() -> consumer.beginningOffsets(partitions, cluster.timeout()), "reading beginning offsets");
    }

    /** The last stable offset of each partition: the end of what a read_committed reader can see. */
    Map<TopicPartition, Long> end(List<TopicPartition> partitions) {
        return call(() -> consumer.endOffsets(partitions, cluster.timeout()), "reading end offsets");
    }

    /**
     * For each partition, the first offset whose timestamp is at or after {@code time}; the
     * partition's end offset where there is none.
     */
    Map<TopicPartition, Long> at(List<TopicPartition> partitions, Instant time, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> time.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found =
                call(() -> consumer.offsetsForTimes(query, cluster.timeout()), "looking up offsets by time");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp hit = found.get(partition);
            offsets.put(partition, hit == null ? end.get(partition) : Math.min(hit.offset(), end.get(partition)));
        }
        return offsets;
    }

    private <T> T call(java.util.function.Supplier<T> lookup, String what) {
        try {
            return lookup.get();
        } catch (TimeoutException e) {
            throw cluster.unreachable(what, e);
        }
    }
}
