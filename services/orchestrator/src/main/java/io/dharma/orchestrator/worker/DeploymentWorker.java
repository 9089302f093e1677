package io.dharma.orchestrator.worker;

import io.dharma.orchestrator.OrchestratorProperties;
import io.dharma.orchestrator.state.RunnableDeploymentSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs deployments outside the Kafka listeners (applies take minutes): {@code concurrency}
 * threads, each waiting for a committed deployment ({@link RunnableDeploymentSignal}) or its poll interval,
 * claiming a stack ({@link StackClaims}), running its oldest active deployment to the
 * end ({@link DeploymentRunner}) and releasing it. Stopping interrupts the threads wherever they
 * are; the deployments stay in their persisted state and are resumed by the next worker, here or
 * on another instance.
 */
public class DeploymentWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeploymentWorker.class);

    private final StackClaims claims;
    private final DeploymentRunner runner;
    private final RunnableDeploymentSignal runnable;
    private final OrchestratorProperties.Worker settings;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    DeploymentWorker(StackClaims claims, DeploymentRunner runner, RunnableDeploymentSignal runnable,
            OrchestratorProperties.Worker settings) {
        this.claims = claims;
        this.runner = runner;
        this.runnable = runnable;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.concurrency(); i++) {
            threads.add(Thread.ofPlatform().name("orchestrator-deployment-worker-" + i).daemon().start(this::work));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
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

    private void work() {
        while (running) {
            try {
                Optional<StackClaims.Claim> claim = claims.claimNext();
                if (claim.isEmpty()) {
                    runnable.await(settings.pollInterval());
                    continue;
                }
                // There may be more: let another idle worker look rather than wait for its poll.
                runnable.wakeUp();
                try (StackClaims.Claim held = claim.get()) {
                    runner.run(held.deploymentId(), held.fencingToken(), held::stillHeld);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                // Typically the database is unreachable: the deployment keeps its state and is resumed later.
                log.warn("Deployment worker failed; retrying in {}: {}", settings.pollInterval(), e.toString());
                if (!pause(settings.pollInterval())) {
                    return;
                }
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
