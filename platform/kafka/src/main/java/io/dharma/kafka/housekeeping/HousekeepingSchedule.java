package io.dharma.kafka.housekeeping;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a {@link RetentionPurge} of every registered {@link PurgeTarget} every
 * {@code dharma.housekeeping.interval}, counted from the end of the previous round so slow rounds
 * never pile up. A target that fails (the database is away) is logged and tried again next round;
 * the others go on.
 */
public final class HousekeepingSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HousekeepingSchedule.class);

    private final RetentionPurge purge;
    private final List<PurgeTarget> targets;
    private final HousekeepingProperties settings;
    private ScheduledExecutorService scheduler;

    public HousekeepingSchedule(RetentionPurge purge, List<PurgeTarget> targets, HousekeepingProperties settings) {
        this.purge = purge;
        this.targets = List.copyOf(targets);
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("dharma-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::round, settings.initialDelay().toMillis(), settings.interval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Interrupts a round: it stops after the batch it is on (each batch is its own transaction). */
    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(15, TimeUnit.SECONDS)) {
                log.warn("Housekeeping did not stop within 15 s");
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

    /** Never throws: an exception would cancel every later round. */
    private void round() {
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
