package io.dharma.kafka.processing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The durable record of which input events each consumer group has processed, in PostgreSQL
 * ({@code platform.processed_event}), shared by every instance of a service. It is written only
 * after the Kafka transaction that emitted the outputs and committed the offset has committed
 * (see ADR 0005 for why that order), so an entry always means "outputs are in Kafka".
 */
public final class ProcessedEventLog {

    private final JdbcClient jdbc;

    public ProcessedEventLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    public boolean contains(String consumerGroup, UUID eventId) {
        return jdbc.sql("select exists (select 1 from platform.processed_event where consumer_group = ? and event_id = ?)")
                .params(consumerGroup, eventId)
                .query(Boolean.class)
                .single();
    }

    /** Records the event as processed; recording it again is a no-op. */
    public void record(String consumerGroup, UUID eventId) {
        jdbc.sql("insert into platform.processed_event (consumer_group, event_id) values (?, ?) on conflict do nothing")
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
