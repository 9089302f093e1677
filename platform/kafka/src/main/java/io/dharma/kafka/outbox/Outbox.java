package io.dharma.kafka.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import io.dharma.kafka.processing.CloudEventHeaders;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dharma.kafka.processing.EnvelopeAccess;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.common.KeyValues;
import io.dharma.serde.AvroSerializer;
import io.dharma.topics.DharmaTopic;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a service writes an event it must not lose: the record is encoded now (Confluent wire
 * format, schema id from the registry) and stored in {@code platform.outbox} in the caller's
 * database transaction, so it exists if and only if the change it reports was committed.
 * {@link OutboxRelay} publishes it afterwards, at least once and in the order written. The
 * transaction must be one of the application's {@code DataSource} bean (Spring's transaction
 * managers and jOOQ over it all qualify); outside a transaction the row commits at once.
 *
 * <pre>{@code
 * transactions.executeWithoutResult(status -> {
 *     deployments.markApproved(id);
 *     outbox.append(DharmaTopic.DEPLOYMENTS, approvedEvent);   // keyed by its blueprintId
 * });
 * }</pre>
 *
 * <p>An event is stored once per envelope {@code eventId}: appending it again (a step repeated
 * after a crash) stores nothing and returns false.
 *
 * <p>A record larger than the topic accepts would only be set aside by the relay. A caller that can
 * still say no to whoever asked for the change (an HTTP request) uses
 * {@link #appendWithinLimit(DharmaTopic, SpecificRecord)}, which measures the record as the producer
 * will and refuses it before anything is stored.
 *
 * <p>Each append is a span ({@value #APPEND_OBSERVATION}) whose context is stored with the row, so
 * the relay publishes the event in the trace of the request or record that appended it.
 */
public class Outbox {

    /** The observation (and span) of an append; its context is stored with the row. */
    public static final String APPEND_OBSERVATION = "dharma.outbox.append";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final AvroSerializer<SpecificRecord> serializer;
    private final OutboxSignal signal;
    private final int maxEventBytes;
    private final TraceHandover tracing;

    /**
     * @param maxEventBytes the largest record {@link #appendWithinLimit} stores, as the producer
     *                      estimates a record's size ({@code DharmaTopicsProperties#maxEventBytes()})
     */
    public Outbox(DataSource dataSource, AvroSerializer<SpecificRecord> serializer, OutboxSignal signal, int maxEventBytes) {
        this(dataSource, serializer, signal, maxEventBytes, TraceHandover.NONE);
    }

    /** @param tracing opens each append's span and gives the context to store with the row */
    public Outbox(DataSource dataSource, AvroSerializer<SpecificRecord> serializer, OutboxSignal signal, int maxEventBytes,
            TraceHandover tracing) {
        this.db = JdbcClient.create(dataSource);
        this.serializer = serializer;
        this.signal = signal;
        this.maxEventBytes = maxEventBytes;
        this.tracing = tracing;
    }

    /**
     * Stores {@code event} for a catalogue topic, keyed as the topic is: a lifecycle topic by the
     * envelope's blueprintId, the security topic by its tenantId. False if its eventId is stored already.
     */
    public boolean append(DharmaTopic<?> topic, SpecificRecord event) {
        return append(topic.topicName(), keyOf(topic, event), event, Map.of());
    }

    /**
     * As {@link #append(DharmaTopic, SpecificRecord)}, but a record larger than
     * {@code maxEventBytes} (key, value and headers, measured as the Kafka producer measures a record)
     * throws {@link EventTooLargeException} and stores nothing; the caller's transaction should then roll back.
     */
    public boolean appendWithinLimit(DharmaTopic<?> topic, SpecificRecord event) {
        String key = keyOf(topic, event);
        byte[] value = serializer.serialize(topic.topicName(), event);
        Map<String, String> headers = CloudEventHeaders.of(event);
        int size = recordSize(key, value, headers);
        if (size > maxEventBytes) {
            throw new EventTooLargeException(topic.topicName(), size, maxEventBytes);
        }
        return insert(topic.topicName(), key, value, headers, eventIdOf(event));
    }

    /** The largest record {@link #appendWithinLimit} stores, in bytes. */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    private static String keyOf(DharmaTopic<?> topic, SpecificRecord event) {
        if (!topic.valueType().isInstance(event)) {
            throw new IllegalArgumentException("Topic " + topic.topicName() + " carries " + topic.valueType().getName()
                    + ", not " + (event == null ? "null" : event.getClass().getName()));
        }
        GenericRecord envelope = EnvelopeAccess.envelopeRecordOf(event).orElseThrow(() -> new IllegalArgumentException(
                event.getClass().getName() + " has no envelope"));
        return requiredText(envelope, topic.lifecycle() ? "blueprintId" : "tenantId");
    }

    /**
     * Stores {@code value} for {@code topic} under {@code key}, with record headers (UTF-8 text
     * values). False if a record with the same envelope eventId is stored already.
     */
    public boolean append(String topic, String key, SpecificRecord value, Map<String, String> headers) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(value, "value");
        // Every record carries its CloudEvents attributes (binary mode); the caller's headers win on a clash.
        return insert(topic, key, serializer.serialize(topic, value), CloudEventHeaders.with(value, headers), eventIdOf(value));
    }

    private boolean insert(String topic, String key, byte[] value, Map<String, String> headers, UUID eventId) {
        boolean added = tracing.handOver(APPEND_OBSERVATION, "outbox append " + topic,
                KeyValues.of("messaging.system", "kafka", "messaging.destination.name", topic),
                traceContext -> db.sql("""
                        insert into platform.outbox (topic, record_key, record_value, headers, event_id, trace_context)
                        values (:topic, :key, :value, cast(:headers as jsonb), :eventId, cast(:traceContext as jsonb))
                        on conflict (event_id) do nothing""")
                        .param("topic", topic)
                        .param("key", key)
                        .param("value", value)
                        .param("headers", JSON.writeValueAsString(headers))
                        .param("eventId", eventId)
                        .param("traceContext", traceContext)
                        .update() == 1);
        if (added) {
            signal.wakeUpAfterCommit();
        }
        return added;
    }

    /** When each of these events was published to Kafka; events not published yet are left out. */
    public Map<UUID, Instant> publishedAt(Collection<UUID> eventIds) {
        Map<UUID, Instant> published = new HashMap<>();
        if (eventIds.isEmpty()) {
            return published;
        }
        db.sql("select event_id, published_at from platform.outbox where event_id in (:ids) and published_at is not null")
                .param("ids", eventIds)
                .query((rs, n) -> published.put(rs.getObject(1, UUID.class), rs.getObject(2, Timestamp.class).toInstant()))
                .list();
        return published;
    }

    /**
     * Which of these events still wait to be published (refused ones included: they never will be).
     * An event the outbox does not hold is not pending: published rows are purged in time.
     */
    public Set<UUID> pending(Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.sql("select event_id from platform.outbox where event_id in (:ids) and published_at is null")
                .param("ids", eventIds)
                .query(UUID.class)
                .list());
    }

    /**
     * Rows the relay set aside because Kafka refuses them for good, newest first, for operators;
     * they stay in the table with their reason and are never retried.
     */
    public List<SetAsideRow> setAside(int limit) {
        return db.sql("""
                select id, topic, record_key, event_id, failed_at, failure
                from platform.outbox
                where failed_at is not null
                order by failed_at desc, id desc
                limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new SetAsideRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toInstant(), rs.getString(6)))
                .list();
    }

    /** Rows waiting for the relay (neither published nor refused), for health and metrics. */
    public long pendingCount() {
        return db.sql("select count(*) from platform.outbox where published_at is null and failed_at is null")
                .query(Long.class).single();
    }

    /** The size the producer checks against {@code max.request.size}: its upper-bound estimate of the record. */
    static int recordSize(String key, byte[] value, Map<String, String> headers) {
        Header[] recordHeaders = headers.entrySet().stream()
                .map(header -> new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)))
                .toArray(Header[]::new);
        return AbstractRecords.estimateSizeInBytesUpperBound(RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, recordHeaders);
    }

    private static UUID eventIdOf(SpecificRecord value) {
        return EnvelopeAccess.envelopeRecordOf(value)
                .map(envelope -> UUID.fromString(requiredText(envelope, "eventId"))).orElse(null);
    }

    private static String requiredText(GenericRecord record, String name) {
        String value = EnvelopeAccess.text(record, name);
        if (value == null) {
            throw new IllegalArgumentException(record.getSchema().getName() + " has no " + name);
        }
        return value;
    }
}
