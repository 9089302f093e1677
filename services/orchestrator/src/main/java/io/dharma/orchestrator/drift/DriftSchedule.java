package io.dharma.orchestrator.drift;

import io.dharma.kafka.lifecycle.PeriodicRounds;
import io.dharma.orchestrator.OrchestratorProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs an observation round of every deployed stack every {@code dharma.orchestrator.drift.interval}
 * (counted from the end of the previous round, so slow rounds never pile up). Across instances one
 * round runs at a time: an instance whose turn finds another instance's round under way skips it.
 */
public class DriftSchedule extends PeriodicRounds {

    private static final Logger log = LoggerFactory.getLogger(DriftSchedule.class);

    private final DriftObserver observer;

    public DriftSchedule(DriftObserver observer, OrchestratorProperties.Drift settings) {
        super("orchestrator-drift-observer", settings.initialDelay(), settings.interval());
        this.observer = observer;
    }

    /** Stops with the deployment worker, before the outbox relay, the Kafka producers and the database go. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    /** Stops after the stack it is on when interrupted (observations are snapshots). */
    @Override
    protected void round() throws Exception {
        observer.observeAllUnlessObserved().ifPresentOrElse(
                report -> log.debug("Drift observation round: {} stack(s) observed ({} resources), {} skipped, {} failed",
                        report.stacksObserved(), report.resourcesObserved(), report.stacksSkipped(),
                        report.stacksFailed()),
                () -> log.debug("Drift observation round skipped: another instance is observing"));
    }
}
