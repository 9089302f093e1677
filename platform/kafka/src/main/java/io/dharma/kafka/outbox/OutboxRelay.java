package io.dharma.kafka.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.database.AdvisoryLocks;
import io.dharma.kafka.lifecycle.ExponentialBackoff;
import io.dharma.kafka.lifecycle.PollingWorker;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes {@code platform.outbox} rows in id order. Each batch is one Kafka transaction inside
 * one database transaction that marks the rows published: if Kafka fails, the database rolls back
 * and the batch is tried again with backoff; if the process dies between the Kafka commit and the
 * database commit, the batch is sent again with the same event ids, which consumers deduplicate.
 * One relay works at a time across the processes sharing the database (a transaction-scoped
 * advisory lock), so rows reach Kafka in the order they were committed.
 *
 * <p>A row that Kafka refuses for good (larger than the broker accepts, an invalid topic) is set
 * aside: marked failed with the reason, logged, counted in {@value #REFUSED_METRIC} (tag
 * {@code topic}) and listed by {@link Outbox#setAside(int)}. It never blocks the rows behind it.
 * The batch it was in is aborted as a whole, so nothing of it is visible to a {@code read_committed}
 * reader, and sent again without it: nothing acknowledged is sent twice.
 *
 * <p>Each row is sent inside a span ({@value #PUBLISH_OBSERVATION}) continuing the trace context
 * stored with it, so the producer's span and the record's {@code traceparent} header belong to the
 * trace that appended the row, not to the relay's thread.
 */
public final class OutboxRelay extends PollingWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() { };

    /** Counter of rows set aside because Kafka refuses them for good, tagged {@code topic}. */
    public static final String REFUSED_METRIC = "dharma.outbox.refused";
    /** Gauge of the rows waiting to be published (DharmaOutboxAutoConfiguration registers it). */
    public static final String BACKLOG_METRIC = "dharma.outbox.backlog";
    /** The observation (and span) of a row's publication, continuing the context stored with the row. */
    public static final String PUBLISH_OBSERVATION = "dharma.outbox.publish";

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final OutboxProperties settings;
    private final MeterRegistry meters;
    private final TraceHandover tracing;
    /**
     * Rows still to send one per transaction, after a batch in which Kafka refused a record: once one
     * record of a transaction fails, the producer fails the others with the same error, so only a
     * batch of one tells which row it was.
     */
    private volatile int isolate;

    public OutboxRelay(JdbcClient db, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
            OutboxSignal signal, OutboxProperties settings, MeterRegistry meters) {
        this(db, transactions, kafka, signal, settings, meters, TraceHandover.NONE);
    }

    /** @param tracing continues each row's stored trace context around its send */
    public OutboxRelay(JdbcClient db, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
            OutboxSignal signal, OutboxProperties settings, MeterRegistry meters, TraceHandover tracing) {
        // Lets a batch in flight finish rather than interrupting it: an interrupted Kafka commit has an
        // unknown outcome, and its events would be sent again.
        super("dharma-outbox-relay", 1, signal, settings.pollInterval(),
                ExponentialBackoff.of(Duration.ofMillis(200), 2, settings.maxBackoff()), Stopping.FINISH_ROUND);
        this.db = db;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** Stops after the web server and the workers that write to the outbox, before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Publishes what is pending now, one batch; the number of rows published. For tests and tools. */
    public int publishPending() {
        return publishPending(batchLimit());
    }

    private int publishPending(int limit) {
        Integer published = transactions.execute(status -> publishBatch(limit));
        return published == null ? 0 : published;
    }

    /** One row per transaction while a refused row is being looked for, else the configured batch size. */
    private int batchLimit() {
        return isolate > 0 ? 1 : settings.batchSize();
    }

    @Override
    protected boolean poll() {
        int limit = batchLimit();
        try {
            int published = publishPending(limit);
            isolate = Math.max(0, isolate - published);
            return published == limit;
        } catch (RefusedRecords refused) {
            if (refused.rows().isEmpty()) {
                isolate = refused.batchSize();
            } else {
                markFailed(refused);
                isolate = Math.max(0, isolate - refused.rows().size());
            }
            return true;
        }
    }

    private int publishBatch(int limit) {
        boolean locked = db.sql("select pg_try_advisory_xact_lock(:key)").param("key", AdvisoryLocks.OUTBOX_RELAY.key())
                .query(Boolean.class).single();
        if (!locked) {
            return 0;
        }
        List<PendingRow> rows = db.sql("""
                select id, topic, record_key, record_value, headers::text, event_id, trace_context::text
                from platform.outbox
                where published_at is null and failed_at is null
                order by id
                limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new PendingRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        JSON.readValue(rs.getString(5), HEADERS), rs.getObject(6, UUID.class), rs.getString(7)))
                .list();
        if (rows.isEmpty()) {
            return 0;
        }
        send(rows);
        db.sql("update platform.outbox set published_at = now() where id in (:ids)")
                .param("ids", rows.stream().map(PendingRow::id).toList())
                .update();
        return rows.size();
    }

    private void send(List<PendingRow> rows) {
        kafka.executeInTransaction(operations -> {
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (PendingRow row : rows) {
                sends.add(sendOne(operations, row));
            }
            operations.flush();
            RefusedRecords.Refused refused = null;
            Throwable transientFailure = null;
            for (int i = 0; i < rows.size(); i++) {
                Throwable failure = failureOf(sends.get(i));
                PendingRow row = rows.get(i);
                if (failure != null && refused == null && RefusedRecords.isPermanent(failure)) {
                    refused = new RefusedRecords.Refused(row.id(), row.topic(), row.eventId(),
                            RefusedRecords.unwrapped(failure).toString());
                } else if (failure != null && transientFailure == null) {
                    transientFailure = failure;
                }
            }
            // Each throw aborts the Kafka transaction (nothing of this batch becomes visible to a
            // read_committed reader) and rolls the database transaction back: the batch is sent
            // again, without the refused row once it is known.
            if (refused != null) {
                throw rows.size() == 1 ? new RefusedRecords(List.of(refused)) : RefusedRecords.somewhereIn(rows.size());
            }
            if (transientFailure != null) {
                throw new IllegalStateException("outbox batch not sent: " + transientFailure, transientFailure);
            }
            return null;
        });
    }

    /** A send, or a failed future when the producer refuses the record at once (too large, for example). */
    private CompletableFuture<?> sendOne(KafkaOperations<String, Object> operations, PendingRow row) {
        try {
            return tracing.takeOver(PUBLISH_OBSERVATION, "publish " + row.topic(), row.traceContext(),
                    KeyValues.of("messaging.system", "kafka", "messaging.destination.name", row.topic(),
                            "messaging.operation", "publish"),
                    () -> operations.send(row.toRecord()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void markFailed(RefusedRecords refused) {
        for (RefusedRecords.Refused row : refused.rows()) {
            log.error("Outbox row {} (event {} for {}) refused by Kafka for good, set aside: {}",
                    row.id(), row.eventId(), row.topic(), row.reason());
            db.sql("update platform.outbox set failed_at = now(), failure = :reason where id = :id")
                    .param("reason", row.reason())
                    .param("id", row.id())
                    .update();
            Counter.builder(REFUSED_METRIC)
                    .description("Outbox rows set aside because Kafka refuses them for good")
                    .tag("topic", row.topic())
                    .register(meters)
                    .increment();
        }
    }

    private static Throwable failureOf(CompletableFuture<?> send) {
        if (!send.isCompletedExceptionally()) {
            return null;
        }
        try {
            send.join();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private record PendingRow(long id, String topic, String key, byte[] value, Map<String, String> headers, UUID eventId,
            String traceContext) {

        ProducerRecord<String, Object> toRecord() {
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return record;
        }
    }
}
