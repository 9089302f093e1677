package io.dharma.kafka.processing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable record of which input events each consumer group has processed, in PostgreSQL
 * ({@code platform.processed_event}), shared by every instance of a service. An entry is written
 * just before the Kafka transaction that emits the outputs and commits the offset, and marked
 * committed just after it (see ADR 0005 for why that order loses and doubles nothing).
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

    public Optional<Entry> find(String consumerGroup, UUID eventId) {
        return jdbc.sql("select topic, kafka_partition, kafka_offset, committed from platform.processed_event "
                        + "where consumer_group = ? and event_id = ?")
                .params(consumerGroup, eventId)
                .query((rs, row) -> new Entry(rs.getString(1), (Integer) rs.getObject(2), (Long) rs.getObject(3),
                        rs.getBoolean(4)))
                .optional();
    }

    /** Records the event as being processed from {@code record}; recording it again is a no-op. */
    public void recordProcessing(String consumerGroup, UUID eventId, ConsumerRecord<?, ?> record) {
        jdbc.sql("insert into platform.processed_event (consumer_group, event_id, topic, kafka_partition, kafka_offset, "
                        + "committed) values (?, ?, ?, ?, ?, false) on conflict do nothing")
                .params(consumerGroup, eventId, record.topic(), record.partition(), record.offset())
                .update();
    }

    /** Marks the event's Kafka transaction as committed. */
    public void markCommitted(String consumerGroup, UUID eventId) {
        jdbc.sql("update platform.processed_event set committed = true where consumer_group = ? and event_id = ?")
                .params(consumerGroup, eventId)
                .update();
    }

    /**
     * Forgets entries older than {@code cutoff}; returns how many. Only safe for events older than
     * any duplicate could arrive (the outbox relay's and a replay's window).
     */
    public int forgetProcessedBefore(Instant cutoff) {
        return jdbc.sql("delete from platform.processed_event where processed_at < ?")
                .params(Timestamp.from(cutoff))
                .update();
    }
}
