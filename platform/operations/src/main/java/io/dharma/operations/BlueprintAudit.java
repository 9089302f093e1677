package io.dharma.operations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dharma.kafka.processing.EnvelopeAccess;
import io.dharma.topics.DharmaTopic;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;

/**
 * A blueprint's full timeline across every public lifecycle topic. The blueprintId is the key of
 * every topic, so each topic's events for it are in one partition, the one the producers'
 * default partitioner picks for the key; only that partition is read. Entries are ordered by
 * occurredAt, then by the topic's place in the lifecycle, then by offset.
 */
public final class BlueprintAudit {

    static final Comparator<AuditEntry> TIMELINE_ORDER = Comparator.comparing(AuditEntry::time)
            .thenComparing(e -> DharmaTopic.byTopicName(e.topic()).map(DharmaTopic.values()::indexOf).orElse(Integer.MAX_VALUE))
            .thenComparingLong(AuditEntry::offset);

    private final ClusterAccess cluster;

    public BlueprintAudit(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    /** The whole timeline; empty entries when no topic has an event for the blueprint. */
    public AuditTimeline timeline(String blueprintId) {
        List<AuditEntry> entries = read(blueprintId, null, Integer.MAX_VALUE);
        entries.sort(TIMELINE_ORDER);
        return new AuditTimeline(blueprintId, entries);
    }

    /**
     * At most {@code limit} entries of the timeline after {@code after} (from its start when null),
     * with the position to continue from when more follow. Each topic's partition is read from the
     * first record stamped at or after {@code after}'s time (a record is stamped when it is produced,
     * never before its event occurred) and left once it has given more than {@code limit} entries,
     * so a page costs about its size, not the partition's.
     */
    public AuditPage page(String blueprintId, AuditPosition after, int limit) {
        List<AuditEntry> entries = read(blueprintId, after, limit + 1);
        entries.sort(TIMELINE_ORDER);
        boolean more = entries.size() > limit;
        List<AuditEntry> shown = more ? entries.subList(0, limit) : entries;
        return new AuditPage(new AuditTimeline(blueprintId, shown),
                more ? Optional.of(AuditPosition.of(shown.getLast())) : Optional.empty());
    }

    private List<AuditEntry> read(String blueprintId, AuditPosition after, int perPartition) {
        List<AuditEntry> entries = new ArrayList<>();
        Map<TopicPartition, Integer> found = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = cluster.readOnlyConsumer();
                RecordDecoder decoder = new RecordDecoder(cluster)) {
            TopicOffsets offsets = new TopicOffsets(consumer, cluster);
            List<PartitionRange> ranges = new ArrayList<>();
            for (DharmaTopic<?> topic : DharmaTopic.values()) {
                if (!topic.lifecycle()) {
                    continue;
                }
                TopicPartition partition = partitionOf(offsets, topic.topicName(), blueprintId);
                List<TopicPartition> one = List.of(partition);
                Map<TopicPartition, Long> end = offsets.end(one);
                long start = after == null ? offsets.beginning(one).get(partition)
                        : offsets.at(one, after.time(), end).get(partition);
                ranges.add(new PartitionRange(partition, start, end.get(partition)));
            }
            new PartitionRangeReader(consumer, cluster.timeout().multipliedBy(3)).read(ranges, record -> {
                if (blueprintId.equals(record.key())) {
                    AuditEntry entry = entry(record, decoder.decode(record));
                    if (after == null || TIMELINE_ORDER.compare(entry, after.asEntry()) > 0) {
                        entries.add(entry);
                        found.merge(new TopicPartition(record.topic(), record.partition()), 1, Integer::sum);
                    }
                }
            }, (done, total) -> {
            }, partition -> found.getOrDefault(partition, 0) >= perPartition);
        }
        return entries;
    }

    private static TopicPartition partitionOf(TopicOffsets offsets, String topic, String key) {
        int partitions = offsets.partitions(topic).size();
        return new TopicPartition(topic, BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
    }

    private static AuditEntry entry(ConsumerRecord<String, byte[]> record, RecordDecoder.Decoded decoded) {
        GenericRecord event = decoded.value();
        if (!decoded.ok() || event == null) {
            return new AuditEntry(Instant.ofEpochMilli(record.timestamp()), record.topic(), record.partition(),
                    record.offset(), "UNDECODABLE", null, null, null, null, null, null,
                    decoded.ok() ? "null value" : decoded.error());
        }
        GenericRecord envelope = EnvelopeAccess.envelopeRecordOf(event).orElse(null);
        Object occurredAt = envelope == null ? null : envelope.get("occurredAt");
        Instant time = occurredAt instanceof Long millis ? Instant.ofEpochMilli(millis) : Instant.ofEpochMilli(record.timestamp());
        Object version = envelope == null ? null : envelope.get("blueprintVersion");
        return new AuditEntry(time, record.topic(), record.partition(), record.offset(), eventType(event),
                EnvelopeAccess.text(envelope, "eventId"), EnvelopeAccess.text(envelope, "causationId"),
                version instanceof Integer v ? v : null, EnvelopeAccess.text(envelope, "trackingId"),
                EnvelopeAccess.text(event, "deploymentId"), EnvelopeAccess.text(envelope, "tenantId"), EventSummary.of(event));
    }

    private static String eventType(GenericRecord event) {
        if (event.getSchema().getField("payload") != null && event.get("payload") instanceof GenericRecord payload) {
            return payload.getSchema().getName();
        }
        return event.getSchema().getName();
    }
}
