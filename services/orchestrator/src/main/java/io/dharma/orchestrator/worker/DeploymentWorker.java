package io.dharma.orchestrator.worker;

import io.dharma.kafka.lifecycle.ExponentialBackoff;
import io.dharma.kafka.lifecycle.PollingWorker;
import io.dharma.orchestrator.OrchestratorProperties;
import io.dharma.orchestrator.state.RunnableDeploymentSignal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.SmartLifecycle;

/**
 * Runs deployments outside the Kafka listeners (applies take minutes): {@code concurrency}
 * threads ({@link PollingWorker}), each waiting for a committed deployment ({@link RunnableDeploymentSignal}) or its poll interval,
 * claiming a stack ({@link StackClaims}), running its oldest active deployment to the
 * end ({@link DeploymentRunner}) and releasing it. Stopping interrupts the threads wherever they
 * are; the deployments stay in their persisted state and are resumed by the next worker, here or
 * on another instance.
 */
public class DeploymentWorker extends PollingWorker {

    private final StackClaims claims;
    private final DeploymentRunner runner;
    private final RunnableDeploymentSignal runnable;

    DeploymentWorker(StackClaims claims, DeploymentRunner runner, RunnableDeploymentSignal runnable,
            OrchestratorProperties.Worker settings) {
        // Typically the database is unreachable when a round fails: the deployment keeps its state and is resumed later.
        super("orchestrator-deployment-worker", settings.concurrency(), runnable, settings.pollInterval(),
                ExponentialBackoff.of(settings.pollInterval(), 2, Duration.ofSeconds(30)), Stopping.INTERRUPT);
        this.claims = claims;
        this.runner = runner;
        this.runnable = runnable;
    }

    /**
     * Stops first on shutdown (before listener containers, the web server and the outbox relay):
     * a deployment is interrupted at once rather than running on while the rest drains, and the
     * relay still publishes what the worker wrote last.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    @Override
    protected boolean poll() throws SQLException, InterruptedException {
        Optional<StackClaims.Claim> claim = claims.claimNext();
        if (claim.isEmpty()) {
            return false;
        }
        // There may be more: let another idle worker look rather than wait for its poll.
        runnable.wakeUp();
        try (StackClaims.Claim held = claim.get()) {
            runner.run(held.deploymentId(), held.fencingToken(), held::stillHeld);
        }
        return true;
    }
}
