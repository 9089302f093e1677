package io.dharma.kafka.housekeeping;

import java.util.List;

import io.dharma.kafka.lifecycle.PeriodicRounds;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link RetentionPurge} of every registered {@link PurgeTarget} every
 * {@code dharma.housekeeping.interval}, counted from the end of the previous round so slow rounds
 * never pile up. A target that fails (the database is away) is logged and tried again next round;
 * the others go on.
 */
public final class HousekeepingSchedule extends PeriodicRounds {

    private static final Logger log = LoggerFactory.getLogger(HousekeepingSchedule.class);

    private final RetentionPurge purge;
    private final List<PurgeTarget> targets;
    private final HousekeepingProperties settings;

    public HousekeepingSchedule(RetentionPurge purge, List<PurgeTarget> targets, HousekeepingProperties settings) {
        super("dharma-housekeeping", settings.initialDelay(), settings.interval());
        this.purge = purge;
        this.targets = List.copyOf(targets);
        this.settings = settings;
    }

    /** Stops after the batch it is on when interrupted (each batch is its own transaction). */
    @Override
    protected void round() {
        for (PurgeTarget target : targets) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            try {
                long purged = purge.purge(target);
                if (purged > 0) {
                    log.info("Purged {} {} row(s) older than {}", purged, target.kind(), settings.retentionOf(target));
                }
            } catch (RuntimeException e) {
                log.warn("Purging {} failed; trying again in {}: {}", target.kind(), settings.interval(), e.toString());
            }
        }
    }
}
