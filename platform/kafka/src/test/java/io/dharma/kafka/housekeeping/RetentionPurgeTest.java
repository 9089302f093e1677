package io.dharma.kafka.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.dharma.kafka.TestStack;
import io.dharma.database.AdvisoryLocks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The retention purge on the platform's real tables (PostgreSQL): rows older than their retention
 * go, newer ones and outbox rows never published stay; batches smaller than the backlog still purge
 * all of it; a table another instance is purging is left alone.
 */
class RetentionPurgeTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final DharmaHousekeepingAutoConfiguration REGISTERED = new DharmaHousekeepingAutoConfiguration();

    private static DataSource dataSource;
    private static JdbcClient db;

    @BeforeAll
    static void migrate() {
        dataSource = TestStack.dataSource();
        Flyway.configure().dataSource(dataSource).schemas("platform").createSchemas(true)
                .locations("classpath:db/platform").load().migrate();
        db = JdbcClient.create(dataSource);
    }

    /**
     * The database is shared with the other tests of this JVM: a pending row of a topic that does not
     * exist would hold up their relays.
     */
    @AfterEach
    void forgetTestOutboxRows() {
        db.sql("delete from platform.outbox where topic = 'purge-test'").update();
    }

    @Test
    void publishedOutboxRowsOlderThanADayGoWhileNewerUnpublishedAndSetAsideRowsStay() {
        UUID oldPublished = outboxRow(ago(Duration.ofDays(3)), ago(Duration.ofHours(25)), null);
        UUID newPublished = outboxRow(ago(Duration.ofDays(3)), ago(Duration.ofHours(23)), null);
        UUID oldUnpublished = outboxRow(ago(Duration.ofDays(3)), null, null);
        UUID oldSetAside = outboxRow(ago(Duration.ofDays(3)), null, ago(Duration.ofDays(3)));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        long purged = purge(Map.of(), 1000, meters).purge(REGISTERED.dharmaPublishedOutboxPurge());

        assertThat(outboxEventIds(List.of(oldPublished, newPublished, oldUnpublished, oldSetAside)))
                .containsExactlyInAnyOrder(newPublished, oldUnpublished, oldSetAside);
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(meters.get(RetentionPurge.PURGED_METRIC).tag("kind", "published-outbox").counter().count())
                .isEqualTo(purged);
    }

    @Test
    void processedEventsAreKeptSevenDaysAndABacklogLargerThanABatchIsPurgedWhole() {
        String group = "purge-" + UUID.randomUUID();
        List<UUID> old = List.of(processed(group, Duration.ofDays(8)), processed(group, Duration.ofDays(9)),
                processed(group, Duration.ofDays(10)), processed(group, Duration.ofDays(30)),
                processed(group, Duration.ofDays(7).plusMinutes(1)));
        UUID recent = processed(group, Duration.ofDays(7).minusMinutes(1));

        purge(Map.of(), 2, new SimpleMeterRegistry()).purge(REGISTERED.dharmaProcessedEventsPurge());

        assertThat(processedIds(group)).as("of %s", old).containsExactly(recent);
    }

    @Test
    void aConfiguredRetentionOverridesTheDefault() {
        String group = "purge-" + UUID.randomUUID();
        UUID twoDaysOld = processed(group, Duration.ofDays(2));
        UUID oneHourOld = processed(group, Duration.ofHours(1));

        purge(Map.of("processed-events", Duration.ofDays(1)), 1000, new SimpleMeterRegistry())
                .purge(REGISTERED.dharmaProcessedEventsPurge());

        assertThat(processedIds(group)).as("two days old: %s", twoDaysOld).containsExactly(oneHourOld);
    }

    @Test
    void aTableAnotherInstanceIsPurgingIsLeftToIt() throws Exception {
        String group = "purge-" + UUID.randomUUID();
        UUID old = processed(group, Duration.ofDays(30));
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?, hashtext(?))")) {
                lock.setInt(1, AdvisoryLocks.RETENTION_PURGE.space());
                lock.setString(2, "platform.processed_event");
                lock.execute();
            }

            long purged = purge(Map.of(), 1000, new SimpleMeterRegistry()).purge(REGISTERED.dharmaProcessedEventsPurge());

            assertThat(purged).isZero();
            assertThat(processedIds(group)).containsExactly(old);
            other.rollback();
        }
        purge(Map.of(), 1000, new SimpleMeterRegistry()).purge(REGISTERED.dharmaProcessedEventsPurge());
        assertThat(processedIds(group)).isEmpty();
    }

    private static RetentionPurge purge(Map<String, Duration> retention, int batchSize, SimpleMeterRegistry meters) {
        HousekeepingProperties settings = new HousekeepingProperties(true, Duration.ofMinutes(10), Duration.ZERO,
                batchSize, retention);
        return new RetentionPurge(db, new TransactionTemplate(new JdbcTransactionManager(dataSource)), settings, meters,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Timestamp ago(Duration age) {
        return Timestamp.from(NOW.minus(age));
    }

    private static UUID outboxRow(Timestamp createdAt, Timestamp publishedAt, Timestamp failedAt) {
        UUID eventId = UUID.randomUUID();
        db.sql("""
                insert into platform.outbox (topic, record_key, record_value, created_at, published_at, failed_at, failure, event_id)
                values ('purge-test', 'key', '\\x00'::bytea, ?, ?, ?, ?, ?)""")
                .params(createdAt, publishedAt, failedAt, failedAt == null ? null : "refused", eventId)
                .update();
        return eventId;
    }

    private static List<UUID> outboxEventIds(List<UUID> among) {
        return db.sql("select event_id from platform.outbox where event_id in (:ids)").param("ids", among)
                .query(UUID.class).list();
    }

    private static UUID processed(String group, Duration age) {
        UUID eventId = UUID.randomUUID();
        db.sql("insert into platform.processed_event (consumer_group, event_id, processed_at) values (?, ?, ?)")
                .params(group, eventId, ago(age))
                .update();
        return eventId;
    }

    private static List<UUID> processedIds(String group) {
        return db.sql("select event_id from platform.processed_event where consumer_group = ?").params(group)
                .query(UUID.class).list();
    }
}
