package io.dharma.orchestrator.drift;

import io.dharma.orchestrator.OrchestratorProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs an observation round of every deployed stack every {@code dharma.orchestrator.drift.interval}
 * (counted from the end of the previous round, so slow rounds never pile up). Across instances one
 * round runs at a time: an instance whose turn finds another instance's round under way skips it.
 */
public class DriftSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DriftSchedule.class);

    private final DriftObserver observer;
    private final OrchestratorProperties.Drift settings;
    private ScheduledExecutorService scheduler;

    public DriftSchedule(DriftObserver observer, OrchestratorProperties.Drift settings) {
        this.observer = observer;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("orchestrator-drift-observer").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::round, settings.initialDelay().toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Interrupts a round in progress: it stops after the stack it is on (observations are snapshots). */
    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("The drift observer did not stop within 15 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops with the deployment worker, before the outbox relay, the Kafka producers and the database go. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** Never throws: an exception would cancel every later round. */
    private void round() {
        try {
            observer.observeAllUnlessObserved().ifPresentOrElse(
                    report -> log.debug("Drift observation round: {} stack(s) observed ({} resources), {} skipped, {} failed",
                            report.stacksObserved(), report.resourcesObserved(), report.stacksSkipped(),
                            report.stacksFailed()),
                    () -> log.debug("Drift observation round skipped: another instance is observing"));
        } catch (Exception e) {
            log.warn("Drift observation round failed; trying again in {}: {}", settings.interval(), e.toString());
        }
    }
}
