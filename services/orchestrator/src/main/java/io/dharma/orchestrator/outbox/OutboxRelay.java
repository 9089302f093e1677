package io.dharma.orchestrator.outbox;

import static io.dharma.orchestrator.db.Tables.OUTBOX;

import io.dharma.events.DeploymentEvent;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.kafka.topics.DharmaTopic;
import io.dharma.orchestrator.OrchestratorProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to {@code dharma.deployments.v1} in outbox order: each batch is one Kafka
 * transaction (the platform's {@link EventPublisher}), marked published in the database
 * transaction around it. If Kafka fails, the database transaction rolls back and the batch is
 * tried again with backoff. If the process dies after the Kafka commit but before the database
 * commit, the batch is sent again with the same eventIds, which consumers deduplicate. One relay
 * works at a time across instances (a transaction-scoped advisory lock), so one blueprint's
 * events reach Kafka in the order they were committed.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Advisory lock key ("dharmaorc"): one orchestrator relay publishes at a time. */
    private static final long RELAY_LOCK = 0x6468_6172_6d61_6f72L;

    private final DSLContext db;
    private final OutboxSchemas schemas;
    private final EventPublisher events;
    private final TransactionTemplate transactions;
    private final OutboxSignal signal;
    private final OrchestratorProperties.Relay settings;
    private final Clock clock;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(DSLContext db, OutboxSchemas schemas, EventPublisher events, TransactionTemplate transactions,
            OutboxSignal signal, OrchestratorProperties.Relay settings, Clock clock) {
        this.db = db;
        this.schemas = schemas;
        this.events = events;
        this.transactions = transactions;
        this.signal = signal;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("orchestrator-outbox-relay").daemon().start(this::run);
    }

    /**
     * Lets a batch in flight finish rather than interrupting it: an interrupted Kafka commit has an
     * unknown outcome, and its events would be sent again (deduplicated downstream, but avoidable).
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            signal.wakeUp();
            try {
                worker.join(Duration.ofSeconds(15));
                if (worker.isAlive()) {
                    worker.interrupt();
                    worker.join(Duration.ofSeconds(15));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the deployment worker (which writes to the outbox), before the database goes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    /** Publishes what is pending now; the number of events published. */
    private int publishPending() {
        Integer published = transactions.execute(status -> publishBatch());
        return published == null ? 0 : published;
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                int published = publishPending();
                backoff = Duration.ZERO;
                if (published < settings.batchSize()) {
                    signal.await(settings.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), settings.maxBackoff());
                log.warn("Deployment event relay failed, retrying in {}: {}", backoff, e.toString());
                try {
                    signal.await(backoff);   // a stop wakes it
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private int publishBatch() {
        boolean locked = db.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class, RELAY_LOCK))
                .fetchSingle().value1();
        if (!locked) {
            return 0;
        }
        List<Record3<Long, String, byte[]>> pending = db.select(OUTBOX.ID, OUTBOX.BLUEPRINT_ID, OUTBOX.PAYLOAD)
                .from(OUTBOX)
                .where(OUTBOX.PUBLISHED_AT.isNull())
                .orderBy(OUTBOX.ID)
                .limit(settings.batchSize())
                .fetch();
        if (pending.isEmpty()) {
            return 0;
        }
        // Decode before opening the Kafka transaction: an undecodable row fails the batch without a send.
        List<DeploymentEvent> batch = pending.stream().map(row -> schemas.decode(row.value3())).toList();
        events.inTransaction(() -> batch.forEach(event -> events.emit(DharmaTopic.DEPLOYMENTS, event)));
        db.update(OUTBOX)
                .set(OUTBOX.PUBLISHED_AT, OffsetDateTime.now(clock))
                .where(OUTBOX.ID.in(pending.stream().map(Record3::value1).toList()))
                .execute();
        return pending.size();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
