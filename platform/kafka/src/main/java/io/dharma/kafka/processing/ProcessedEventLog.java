package io.dharma.kafka.processing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable record of which input events each consumer group has processed, in PostgreSQL
 * ({@code platform.processed_event}), shared by every instance of a service. An entry is written
 * just before the Kafka transaction that emits the outputs and commits the offset, and marked
 * committed just after it (see ADR 0005 for why that order loses and doubles nothing). Entries are
 * purged after {@code dharma.housekeeping.retention.processed-events} ({@code RetentionPurge}).
 */
public final class ProcessedEventLog {

    /** An entry: the record it was written for, and whether its Kafka transaction was seen to commit. */
    public record Entry(String topic, Integer partition, Long offset, boolean committed) {

        /**
         * True if {@code record} needs no processing: this entry's transaction committed, or the entry
         * was written for another record (a duplicate; if that record's transaction aborted, that
         * record is redelivered and processed). False only for a redelivery of the record this
         * entry was written for, whose transaction never committed.
         */
        boolean makesRedundant(ConsumerRecord<?, ?> record) {
            return committed || !writtenFor(record);
        }

        private boolean writtenFor(ConsumerRecord<?, ?> record) {
            return record.topic().equals(topic) && partition != null && partition == record.partition()
                    && offset != null && offset == record.offset();
        }
    }

    private final JdbcClient jdbc;

    public ProcessedEventLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The entries of these events, by eventId (one query for a whole poll batch). */
    public Map<UUID, Entry> findAll(String consumerGroup, Collection<UUID> eventIds) {
        Map<UUID, Entry> entries = new HashMap<>();
        if (eventIds.isEmpty()) {
            return entries;
        }
        jdbc.sql("select event_id, topic, kafka_partition, kafka_offset, committed from platform.processed_event "
                        + "where consumer_group = :group and event_id in (:ids)")
                .param("group", consumerGroup)
                .param("ids", eventIds)
                .query((rs, row) -> entries.put(rs.getObject(1, UUID.class), new Entry(rs.getString(2),
                        (Integer) rs.getObject(3), (Long) rs.getObject(4), rs.getBoolean(5))))
                .list();
        return entries;
    }

    /** Records every event as being processed from its record, in one statement; existing entries stay. */
    public void recordProcessingAll(String consumerGroup, Map<UUID, ConsumerRecord<?, ?>> records) {
        if (records.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into platform.processed_event (consumer_group, event_id, topic, "
                + "kafka_partition, kafka_offset, committed) values ");
        List<Object> params = new ArrayList<>();
        for (Map.Entry<UUID, ConsumerRecord<?, ?>> processed : records.entrySet()) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, false)");
            ConsumerRecord<?, ?> record = processed.getValue();
            params.addAll(List.of(consumerGroup, processed.getKey(), record.topic(), record.partition(), record.offset()));
        }
        jdbc.sql(sql.append(" on conflict do nothing").toString()).params(params).update();
    }

    /** Marks the events' Kafka transaction as committed, in one statement. */
    public void markCommittedAll(String consumerGroup, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.sql("update platform.processed_event set committed = true where consumer_group = :group and event_id in (:ids)")
                .param("group", consumerGroup)
                .param("ids", eventIds)
                .update();
    }
}
