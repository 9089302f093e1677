package io.dharma.orchestrator;

import io.dharma.executor.InfrastructureExecutor;
import io.dharma.kafka.housekeeping.PurgeTarget;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.orchestrator.api.DeploymentCommands;
import io.dharma.orchestrator.api.DeploymentsController;
import io.dharma.orchestrator.deployment.DeploymentDecisions;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.orchestrator.deployment.ExecutorsHealthIndicator;
import io.dharma.orchestrator.deployment.StackConfigurations;
import io.dharma.orchestrator.drift.DriftController;
import io.dharma.orchestrator.drift.DriftObserver;
import io.dharma.orchestrator.drift.DriftSchedule;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.join.VerdictJoin;
import io.dharma.orchestrator.events.VerdictListener;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.DeploymentQuota;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.state.ReceivedEvents;
import io.dharma.orchestrator.state.RunnableDeploymentSignal;
import io.dharma.orchestrator.worker.DeploymentWorker;
import io.dharma.orchestrator.worker.DeploymentWorkers;
import io.dharma.security.LoggedSecurityEvents;
import io.dharma.security.SecurityEvents;
import io.dharma.web.quota.Quotas;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import io.dharma.database.MigratesSchema;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.observation.ObservationRegistry;

/**
 * The orchestrator's beans, for running it alone ({@code app.OrchestratorApplication}) or inside
 * the one-JVM launcher. Bean names start with {@code orchestrator}; the Kafka consumer group is
 * {@code dharma.orchestrator.consumer-group} (default
 * {@value OrchestratorProperties#DEFAULT_CONSUMER_GROUP}). It needs one {@link InfrastructureExecutor} bean (the sandbox
 * cloud by default), looked up when the first deployment is decided.
 *
 * <p>The orchestrator owns the PostgreSQL schema {@value #SCHEMA}, migrated by its own Flyway
 * ({@code classpath:db/orchestrator}, history table in that schema). ADR 0009 explains the state
 * model, the outbox and how deployments resume. The drift observer ({@code drift}) reports the
 * actual state of deployed stacks on {@code dharma.observations.v1}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class})
@EnableConfigurationProperties(OrchestratorProperties.class)
@Import({DeploymentsController.class, DriftController.class})
@MigratesSchema(OrchestratorAutoConfiguration.SCHEMA)
public class OrchestratorAutoConfiguration {

    public static final String SCHEMA = "orchestrator";

    private static final Clock CLOCK = Clock.systemUTC();


    @Bean
    BlueprintJoinStore orchestratorBlueprintStore(DSLContext db) {
        return new BlueprintJoinStore(db);
    }

    @Bean
    RunnableDeploymentSignal orchestratorRunnableDeploymentSignal() {
        return new RunnableDeploymentSignal();
    }

    @Bean
    DeploymentStore orchestratorDeploymentStore(DSLContext db, RunnableDeploymentSignal runnable,
            ObjectProvider<MeterRegistry> metrics, ObjectProvider<ObservationRegistry> observations) {
        return new DeploymentStore(db, runnable, metrics.getIfUnique(CompositeMeterRegistry::new),
                new TraceHandover(observations(observations)));
    }

    @Bean
    MeterBinder orchestratorResourcesUnderManagement(DeploymentStore deployments) {
        return registry -> Gauge.builder(DeploymentStore.RESOURCES_METRIC, deployments::resourcesUnderManagement)
                .description("Resources the applied deployments left in place").register(registry);
    }

    @Bean
    ReceivedEvents orchestratorReceivedEvents(DSLContext db) {
        return new ReceivedEvents(db);
    }

    /**
     * Received events dedupe the inputs like the platform's processed-event log, so they are kept as
     * long: 7 days, beyond any redelivery of the input topics' records (see
     * {@code DharmaHousekeepingAutoConfiguration}).
     */
    @Bean
    PurgeTarget orchestratorReceivedEventsPurge() {
        return new PurgeTarget("received-events", SCHEMA + ".received_event", "received_at", Duration.ofDays(7));
    }

    @Bean
    DeploymentEvents orchestratorDeploymentEvents() {
        return new DeploymentEvents(CLOCK);
    }

    @Bean
    ExecutorChoice orchestratorExecutorChoice(ObjectProvider<InfrastructureExecutor> executors,
            OrchestratorProperties properties) {
        return new ExecutorChoice(executors, properties.executors());
    }

    @Bean
    ExecutorsHealthIndicator executorsHealthIndicator(ExecutorChoice executors) {
        return new ExecutorsHealthIndicator(executors);
    }

    @Bean
    DeploymentDecisions orchestratorDeploymentDecisions(BlueprintJoinStore blueprints, DeploymentStore deployments,
            Outbox outbox, DeploymentEvents events, ExecutorChoice executor, Quotas quotas,
            DeploymentQuota orchestratorDeploymentQuota) {
        return new DeploymentDecisions(blueprints, deployments, outbox, events, executor, CLOCK, quotas,
                orchestratorDeploymentQuota);
    }

    @Bean
    DeploymentQuota orchestratorDeploymentQuota(DeploymentStore deployments) {
        return new DeploymentQuota(deployments);
    }

    @Bean
    VerdictJoin orchestratorVerdictJoin(TransactionTemplate transactions, ReceivedEvents received,
            BlueprintJoinStore blueprints, DeploymentDecisions decisions) {
        return new VerdictJoin(transactions, received, blueprints, decisions, CLOCK);
    }

    @Bean
    VerdictListener orchestratorVerdictListener(VerdictJoin join) {
        return new VerdictListener(join);
    }

    @Bean
    DeploymentCommands orchestratorDeploymentCommands(TransactionTemplate transactions, BlueprintJoinStore blueprints,
            DeploymentStore deployments, DeploymentDecisions decisions, Outbox outbox, DeploymentEvents events,
            ObjectProvider<SecurityEvents> securityEvents, OrchestratorProperties properties) {
        return new DeploymentCommands(transactions, blueprints, deployments, decisions, outbox, events,
                securityEvents.getIfAvailable(LoggedSecurityEvents::new), properties::fourEyes, CLOCK);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dharma.orchestrator.worker.enabled", matchIfMissing = true)
    DeploymentWorker orchestratorDeploymentWorker(DataSource dataSource, TransactionTemplate transactions,
            DeploymentStore deployments, BlueprintJoinStore blueprints, Outbox outbox, DeploymentEvents events,
            ExecutorChoice executor, OrchestratorProperties properties, RunnableDeploymentSignal runnable,
            ObjectProvider<MeterRegistry> metrics, ObjectProvider<ObservationRegistry> observations) {
        return DeploymentWorkers.create(dataSource, transactions, deployments, blueprints, outbox, events, executor,
                properties, runnable, CLOCK, metrics.getIfUnique(CompositeMeterRegistry::new), observations(observations));
    }

    /** Without an observation registry (no actuator) there is no tracing either. */
    private static ObservationRegistry observations(ObjectProvider<ObservationRegistry> observations) {
        return observations.getIfUnique(() -> ObservationRegistry.NOOP);
    }

    @Bean
    DriftObserver orchestratorDriftObserver(DataSource dataSource, TransactionTemplate transactions,
            DeploymentStore deployments, BlueprintJoinStore blueprints, ExecutorChoice executor, EventPublisher events,
            DSLContext db, OrchestratorProperties properties, ObjectProvider<MeterRegistry> metrics) {
        return new DriftObserver(dataSource, transactions, deployments, new StackConfigurations(blueprints), executor,
                events, db, properties.drift(), metrics.getIfUnique(CompositeMeterRegistry::new), CLOCK);
    }

    /**
     * Digests of the last published observations, of stacks no longer observed (destroyed): a live
     * resource's is refreshed every heartbeat, and a purged one only costs one more publication.
     */
    @Bean
    PurgeTarget orchestratorObservationDigestsPurge() {
        return new PurgeTarget("observation-digests", SCHEMA + ".published_observation", "published_at",
                Duration.ofDays(7));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "dharma.orchestrator.drift.enabled", matchIfMissing = true)
    DriftSchedule orchestratorDriftSchedule(DriftObserver observer, OrchestratorProperties properties) {
        return new DriftSchedule(observer, properties.drift());
    }
}
