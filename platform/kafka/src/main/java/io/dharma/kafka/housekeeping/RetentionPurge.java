package io.dharma.kafka.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.database.AdvisoryLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Deletes the rows of a {@link PurgeTarget} older than its retention, in batches of
 * {@code batchSize} rows, each its own short transaction ({@code delete ... where ctid in (select
 * ctid ... limit n)}): no purge locks many rows or holds a transaction open for long, and what one
 * batch deleted stays deleted if a later one fails. Several instances may run it: a batch first
 * takes the table's transaction-scoped {@link AdvisoryLocks#RETENTION_PURGE} lock, and an instance
 * that finds it taken leaves the table to the one purging it. Rows purged are counted in
 * {@value #PURGED_METRIC} (tag {@code kind}).
 */
public final class RetentionPurge {

    /** Counter of rows deleted because they outlived their retention, tagged {@code kind}. */
    public static final String PURGED_METRIC = "dharma.housekeeping.purged";

    private final JdbcClient db;
    private final TransactionTemplate transactions;
    private final HousekeepingProperties settings;
    private final MeterRegistry meters;
    private final Clock clock;

    public RetentionPurge(JdbcClient db, TransactionTemplate transactions, HousekeepingProperties settings,
            MeterRegistry meters, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** Purges what {@code target} holds beyond its retention now; the number of rows deleted. */
    public long purge(PurgeTarget target) {
        Instant cutoff = clock.instant().minus(settings.retentionOf(target));
        String delete = "delete from " + target.table() + " where ctid in (select ctid from " + target.table()
                + " where " + target.timestampColumn() + " < :cutoff limit :limit)";
        long purged = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Integer deleted = transactions.execute(status -> {
                boolean mine = db.sql("select pg_try_advisory_xact_lock(:space, hashtext(:table))")
                        .param("space", AdvisoryLocks.RETENTION_PURGE.space())
                        .param("table", target.table())
                        .query(Boolean.class).single();
                return mine ? db.sql(delete)
                        .param("cutoff", Timestamp.from(cutoff))
                        .param("limit", settings.batchSize())
                        .update() : 0;
            });
            int batch = deleted == null ? 0 : deleted;
            purged += batch;
            if (batch < settings.batchSize()) {
                break;
            }
        }
        Counter.builder(PURGED_METRIC)
                .description("Rows deleted because they outlived their retention (dharma.housekeeping.retention.*)")
                .tag("kind", target.kind())
                .register(meters)
                .increment(purged);
        return purged;
    }
}
