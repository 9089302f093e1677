package io.dharma.kafka.lifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A round of work run on one daemon thread every {@code interval}, counted from the end of the
 * previous round so slow rounds never pile up, started and stopped with the application. A round
 * that throws is logged and the next one still runs (an exception would otherwise cancel every
 * later round); stopping interrupts a round in progress, which should end at its next safe point.
 */
public abstract class PeriodicRounds implements SmartLifecycle {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    protected PeriodicRounds(String name, Duration initialDelay, Duration interval) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    /**
     * Fails start-up with a message naming the properties when a schedule's settings cannot make one.
     *
     * @param prefix the configuration prefix of the settings, e.g. {@code dharma.housekeeping}
     */
    public static void requireValidSchedule(String prefix, Duration initialDelay, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(prefix + ".interval must be positive but was " + interval);
        }
        if (initialDelay.isNegative()) {
            throw new IllegalArgumentException(prefix + ".initial-delay must not be negative but was " + initialDelay);
        }
    }

    /** One round; checks {@link Thread#isInterrupted()} between its steps. */
    protected abstract void round() throws Exception;

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        scheduler.scheduleWithFixedDelay(this::guardedRound, initialDelay.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} did not stop within {}", name, STOP_TIMEOUT);
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

    private void guardedRound() {
        try {
            round();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("{} round failed; trying again in {}: {}", name, interval, e.toString());
        }
    }
}
