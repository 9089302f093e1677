package io.dharma.operations;

import io.dharma.kafka.processing.EnvelopeAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Replays a topic for audit: every partition from the first offset at or after {@code from}
 * (else the beginning) up to the first offset at or after {@code to} (else the end offsets taken
 * when the replay starts, so a busy topic still ends), decoded through the registry.
 *
 * <p>Never affects the platform: the consumer has no group id and is assigned partitions by hand,
 * so it commits nothing and joins no group. Records come out in offset order within each
 * partition (partitions interleave). Within the offset range, record timestamps are checked too,
 * since producers set them and they need not grow with the offset.
 */
public final class TopicReplay {

    private final ClusterAccess cluster;

    public TopicReplay(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    public ReplaySummary replay(ReplayRequest request, Consumer<ReplayedRecord> output, ReplayProgress progress) {
        try (KafkaConsumer<String, byte[]> consumer = cluster.readOnlyConsumer();
                RecordDecoder decoder = new RecordDecoder(cluster)) {
            List<PartitionRange> ranges = ranges(new TopicOffsets(consumer, cluster), request);
            Counter counter = new Counter(request, decoder, output);
            new PartitionRangeReader(consumer, stallTimeout()).read(ranges, counter,
                    (done, total) -> progress.update(counter.read, done, total));
            return new ReplaySummary(counter.read, counter.matched, counter.undecodable);
        }
    }

    private static List<PartitionRange> ranges(TopicOffsets offsets, ReplayRequest request) {
        List<TopicPartition> partitions = offsets.partitions(request.topic());
        Map<TopicPartition, Long> end = offsets.end(partitions);
        Map<TopicPartition, Long> start = request.from() == null
                ? offsets.beginning(partitions) : offsets.at(partitions, request.from(), end);
        Map<TopicPartition, Long> stop = request.to() == null ? end : offsets.at(partitions, request.to(), end);
        List<PartitionRange> ranges = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            ranges.add(new PartitionRange(partition, start.get(partition), stop.get(partition)));
        }
        return ranges;
    }

    private java.time.Duration stallTimeout() {
        return cluster.timeout().multipliedBy(3);
    }

    /** Filters, decodes and counts each record read. */
    private static final class Counter implements Consumer<ConsumerRecord<String, byte[]>> {

        private final ReplayRequest request;
        private final RecordDecoder decoder;
        private final Consumer<ReplayedRecord> output;
        long read;
        long matched;
        long undecodable;

        Counter(ReplayRequest request, RecordDecoder decoder, Consumer<ReplayedRecord> output) {
            this.request = request;
            this.decoder = decoder;
            this.output = output;
        }

        @Override
        public void accept(ConsumerRecord<String, byte[]> record) {
            read++;
            if (!request.inWindow(record.timestamp())
                    || (request.key() != null && !request.key().equals(record.key()))) {
                return;
            }
            RecordDecoder.Decoded decoded = decoder.decode(record);
            if (!decoded.ok()) {
                undecodable++;
                output.accept(ReplayedRecord.of(record, decoded));
                return;
            }
            if (request.tenant() != null && !Objects.equals(request.tenant(), EnvelopeAccess.tenantOf(decoded.value()))) {
                return;
            }
            matched++;
            output.accept(ReplayedRecord.of(record, decoded));
        }
    }
}
