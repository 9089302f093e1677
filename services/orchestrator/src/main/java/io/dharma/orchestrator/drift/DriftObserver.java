package io.dharma.orchestrator.drift;

import io.dharma.events.Envelopes;
import io.dharma.events.ResourceObserved;
import io.dharma.executor.ActualResource;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.StackConfiguration;
import io.dharma.database.AdvisoryLocks;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.orchestrator.OrchestratorProperties;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.orchestrator.deployment.StackConfigurations;
import io.dharma.orchestrator.drift.ObservationReport.Outcome;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.drift.ObservationReport.StackObservation;
import io.dharma.orchestrator.state.AppliedChange;
import io.dharma.orchestrator.state.DeployedStack;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.worker.StackLocks;
import io.dharma.topics.DharmaTopic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the actual state of deployed stacks from the executor and reports it on
 * {@code dharma.observations.v1}: one {@link ResourceObserved} per resource Dharma deployed there
 * (missing at the provider: {@code exists=false}), for the Kafka Streams topology to compare with
 * what the last apply reported.
 *
 * <p>A stack is observed only when its latest executed deployment succeeded and no deployment of
 * it is requested or running, so an apply in flight is never reported as drift. To make that hold
 * for the whole read, the observer takes the stack's lock ({@link StackLocks}) in shared mode:
 * workers cannot start a deployment of the stack until its observations are on Kafka (they retry
 * at their next poll), and the stack is checked again once the lock is held. All observations of
 * a stack go in one Kafka transaction. A failure of one stack (provider, Kafka, an unreadable
 * version) is logged and counted and the round goes on with the next.
 *
 * <p>A scheduled round publishes a resource's observation only when it differs from the last one
 * published or that one is older than {@code dharma.orchestrator.drift.heartbeat}
 * ({@link PublishedObservations}, ADR 0019); observing on request publishes every resource.
 */
public class DriftObserver {

    /** ResourceObserved events emitted. */
    public static final String OBSERVATIONS = "dharma.orchestrator.drift.observations";
    /** Observations not published because they said nothing new (a scheduled round, before the heartbeat). */
    public static final String UNCHANGED = "dharma.orchestrator.drift.unchanged";
    /** Stacks looked at, tag {@code outcome}: observed, skipped, failed. */
    public static final String STACKS = "dharma.orchestrator.drift.stacks";
    /** Stacks whose observation failed, tag {@code stage}: desired-state, executor, publish, database. */
    public static final String FAILURES = "dharma.orchestrator.drift.failures";

    private static final Logger log = LoggerFactory.getLogger(DriftObserver.class);

    /** How long to wait for a stack whose worker has just finished and not yet let go of its lock. */
    private static final Duration STACK_LOCK_WAIT = Duration.ofSeconds(2);
    private static final Duration STACK_LOCK_RETRY = Duration.ofMillis(50);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final DeploymentStore deployments;
    private final ExecutorChoice executors;
    private final StackConfigurations configurations;
    private final EventPublisher events;
    private final ResourceObservations observations;
    private final PublishedObservations published;
    private final MeterRegistry metrics;
    private final Clock clock;

    /** Which observations of a stack a round publishes. */
    public enum Publication {
        /** Every resource's: someone asked to observe now. */
        ALL,
        /** Only those that differ from the last published, or whose last publication is a heartbeat old. */
        CHANGED
    }

    public DriftObserver(DataSource dataSource, TransactionTemplate transactions, DeploymentStore deployments,
            StackConfigurations configurations, ExecutorChoice executors, EventPublisher events, DSLContext db,
            OrchestratorProperties.Drift settings, MeterRegistry metrics, Clock clock) {
        this.configurations = configurations;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.deployments = deployments;
        this.executors = executors;
        this.events = events;
        this.observations = new ResourceObservations(Envelopes.forProducer(DeploymentEvents.PRODUCER, clock));
        this.published = new PublishedObservations(db, settings.heartbeat());
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Observes a tenant's deployed stacks now (only {@code blueprintId}'s if not null), publishing every resource. */
    public ObservationReport observeTenant(String tenantId, String blueprintId) {
        return observe(tenantId, blueprintId, Publication.ALL);
    }

    /** Observes a tenant's deployed stacks (only {@code blueprintId}'s if not null) now. */
    public ObservationReport observe(String tenantId, String blueprintId, Publication publication) {
        try (Connection session = session()) {
            return observeAll(session, transactions.execute(status -> deployments.deployedStacks(tenantId, blueprintId)),
                    publication);
        } catch (SQLException e) {
            throw new IllegalStateException("the database is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * One scheduled round over every tenant's deployed stacks; empty when another instance's round
     * is under way (it observes them).
     */
    public Optional<ObservationReport> observeAllUnlessObserved() throws SQLException {
        try (Connection session = session()) {
            if (!roundLock(session, "pg_try_advisory_lock")) {
                return Optional.empty();
            }
            try {
                return Optional.of(observeAll(session, transactions.execute(status -> deployments.deployedStacks(null, null)),
                        Publication.CHANGED));
            } finally {
                roundLock(session, "pg_advisory_unlock");
            }
        }
    }

    private ObservationReport observeAll(Connection session, List<DeployedStack> candidates, Publication publication) {
        List<StackObservation> done = new ArrayList<>();
        for (DeployedStack candidate : candidates) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            StackObservation observation = observeStack(session, candidate, publication);
            Counter.builder(STACKS).description("Deployed stacks the drift observer looked at")
                    .tag("outcome", observation.outcome().name().toLowerCase()).register(metrics).increment();
            done.add(observation);
        }
        return new ObservationReport(done);
    }

    private StackObservation observeStack(Connection session, DeployedStack candidate, Publication publication) {
        if (candidate.inProgress()) {
            return skipped(candidate, "a deployment of the stack is in progress");
        }
        String blueprintId = candidate.blueprintId();
        try {
            if (!lockStack(session, blueprintId)) {
                return skipped(candidate, "a deployment of the stack is in progress");
            }
        } catch (SQLException e) {
            return failed(candidate, "database", "could not lock the stack: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return skipped(candidate, "the observer is stopping");
        }
        try {
            return observeLocked(candidate, publication);
        } catch (RuntimeException e) {
            return failed(candidate, "database", e.getMessage(), e);
        } finally {
            try {
                StackLocks.unlockShared(session, blueprintId);
            } catch (SQLException e) {
                // The session is broken, and its locks went with it.
                log.warn("Could not release the observer's lock of stack {}: {}", blueprintId, e.toString());
            }
        }
    }

    /** With the stack locked: nothing can start deploying it until the observations are sent. */
    private StackObservation observeLocked(DeployedStack candidate, Publication publication) {
        Optional<DeployedStack> current = transactions.execute(
                status -> deployments.deployedStacks(null, candidate.blueprintId())).stream().findFirst();
        if (current.isEmpty() || current.get().inProgress()
                || !current.get().deployment().deploymentId().equals(candidate.deployment().deploymentId())) {
            return skipped(candidate, "the stack was deployed or destroyed while the round ran");
        }
        Deployment deployed = candidate.deployment();
        StackConfiguration configuration;
        try {
            configuration = transactions.execute(status -> configurations.of(deployed));
        } catch (IllegalArgumentException e) {
            return failed(candidate, "desired-state", e.getMessage(), e);
        }
        Instant observedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ActualResource> actual;
        try {
            actual = executors.named(deployed.executor()).readActualState(candidate.stack(), configuration);
        } catch (ExecutorException | RuntimeException e) {
            return failed(candidate, "executor", "reading the actual state failed: " + e.getMessage(), e);
        }
        Map<String, AppliedChange> deployedResources = transactions.execute(
                status -> deployments.lastAppliedChanges(candidate.blueprintId()));
        List<ResourceObserved> observed = observations.of(deployed, deployedResources.values(), actual, observedAt);
        String blueprintId = candidate.blueprintId();
        String deploymentId = deployed.deploymentId().toString();
        List<ResourceObserved> due = publication == Publication.ALL ? observed
                : transactions.execute(status -> published.due(blueprintId, deploymentId, observed, observedAt));
        try {
            events.inTransaction(() -> due.forEach(event -> events.emit(DharmaTopic.OBSERVATIONS, event)));
        } catch (RuntimeException e) {
            return failed(candidate, "publish", "publishing the observations failed: " + e.getMessage(), e);
        }
        try {
            transactions.executeWithoutResult(status -> published.published(blueprintId, deploymentId, due, observedAt));
        } catch (RuntimeException e) {
            // They are on Kafka; at worst the next round publishes them once more.
            log.warn("Could not remember the observations published for stack {}: {}", blueprintId, e.toString());
        }
        Counter.builder(OBSERVATIONS).description("ResourceObserved events emitted").register(metrics)
                .increment(due.size());
        Counter.builder(UNCHANGED).description("Observations not published: unchanged since the last, within the heartbeat")
                .register(metrics).increment(observed.size() - due.size());
        return new StackObservation(blueprintId, deploymentId, deployed.blueprintVersion(), Outcome.OBSERVED, due.size(),
                null);
    }

    /**
     * Takes the stack's lock shared. A worker holds it exclusively while it runs a deployment, and
     * for a moment after the deployment's end is committed: wait that moment out.
     */
    private boolean lockStack(Connection session, String blueprintId) throws SQLException, InterruptedException {
        Instant deadline = clock.instant().plus(STACK_LOCK_WAIT);
        while (!StackLocks.tryLockShared(session, blueprintId)) {
            if (clock.instant().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(STACK_LOCK_RETRY);
        }
        return true;
    }

    private Connection session() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    private static boolean roundLock(Connection session, String function) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, AdvisoryLocks.DRIFT_ROUND.key());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static StackObservation skipped(DeployedStack stack, String reason) {
        Deployment deployed = stack.deployment();
        return new StackObservation(stack.blueprintId(), deployed.deploymentId().toString(), deployed.blueprintVersion(),
                Outcome.SKIPPED, 0, reason);
    }

    private StackObservation failed(DeployedStack stack, String stage, String message, Exception cause) {
        log.warn("Drift observation of stack {} (deployment {}) failed at {}: {}", stack.blueprintId(),
                stack.deployment().deploymentId(), stage, message, cause);
        Counter.builder(FAILURES).description("Stacks whose drift observation failed").tag("stage", stage)
                .register(metrics).increment();
        Deployment deployed = stack.deployment();
        return new StackObservation(stack.blueprintId(), deployed.deploymentId().toString(), deployed.blueprintVersion(),
                Outcome.FAILED, 0, message);
    }
}
