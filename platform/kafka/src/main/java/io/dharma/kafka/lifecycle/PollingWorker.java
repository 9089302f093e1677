package io.dharma.kafka.lifecycle;

import io.dharma.kafka.processing.CommitSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Threads that look for work in the database, do it, and wait when there is none: until the
 * {@link CommitSignal} says this process committed some, or the poll interval passes (work
 * committed by other processes). A failing round is logged and the next one waits with
 * exponential backoff. Subclasses say what one round does ({@link #poll()}) and how they stop.
 */
public abstract class PollingWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollingWorker.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    /**
     * How {@link #stop()} ends a round in progress.
     * {@code INTERRUPT}: at once, for rounds whose work resumes from persisted state.
     * {@code FINISH_ROUND}: lets it finish (for up to 15 s), for rounds an interrupt would leave with
     * an unknown outcome.
     */
    public enum Stopping { INTERRUPT, FINISH_ROUND }

    private final String name;
    private final int threadCount;
    private final CommitSignal signal;
    private final Duration pollInterval;
    private final ExponentialBackoff onFailure;
    private final Stopping stopping;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    protected PollingWorker(String name, int threadCount, CommitSignal signal, Duration pollInterval,
            ExponentialBackoff onFailure, Stopping stopping) {
        this.name = name;
        this.threadCount = threadCount;
        this.signal = signal;
        this.pollInterval = pollInterval;
        this.onFailure = onFailure;
        this.stopping = stopping;
    }

    /**
     * One round: looks for work and does it.
     *
     * @return whether there may be more work at once (look again without waiting)
     */
    protected abstract boolean poll() throws Exception;

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < threadCount; i++) {
            String threadName = threadCount == 1 ? name : name + "-" + i;
            threads.add(Thread.ofPlatform().name(threadName).daemon().start(this::work));
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (stopping == Stopping.INTERRUPT) {
            threads.forEach(Thread::interrupt);
        }
        threads.forEach(thread -> signal.wakeUp());
        try {
            for (Thread thread : threads) {
                thread.join(STOP_WAIT);
                if (thread.isAlive()) {
                    thread.interrupt();
                    thread.join(STOP_WAIT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        int failures = 0;
        while (running) {
            try {
                boolean more = poll();
                failures = 0;
                if (!more) {
                    signal.await(pollInterval);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                Duration wait = onFailure.delay(++failures);
                log.warn("{} failed, retrying in {}: {}", name, wait, e.toString());
                try {
                    signal.await(wait);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
