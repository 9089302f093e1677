package io.dharma.orchestrator.worker;

import io.dharma.kafka.outbox.Outbox;
import io.dharma.orchestrator.OrchestratorProperties;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.state.RunnableDeploymentSignal;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionTemplate;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.observation.ObservationRegistry;

/** Assembles the deployment worker (its parts are package-private). */
public final class DeploymentWorkers {

    private DeploymentWorkers() {
    }

    public static DeploymentWorker create(DataSource dataSource, TransactionTemplate transactions,
            DeploymentStore deployments, BlueprintJoinStore blueprints, Outbox outbox, DeploymentEvents events,
            ExecutorChoice executors, OrchestratorProperties properties, RunnableDeploymentSignal runnable, Clock clock,
            MeterRegistry meters, ObservationRegistry observations) {
        // pid@host plus a random suffix: shown in deployment.worker, unique across restarts.
        String name = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        DeploymentRunner runner = new DeploymentRunner(deployments, blueprints, outbox, events, executors,
                new ExecutorCalls(properties.executorRetry(), observations), transactions, clock, name, meters,
                new TraceHandover(observations));
        return new DeploymentWorker(new StackClaims(dataSource, deployments, blueprints, transactions), runner, runnable,
                properties.worker());
    }
}
