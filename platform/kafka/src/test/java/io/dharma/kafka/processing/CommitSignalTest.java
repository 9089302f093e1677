package io.dharma.kafka.processing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether a worker waits or wakes, seen from the worker's thread: parked on the signal, or done.
 * Workers wait far longer than any test runs, so one that is done was woken, not timed out.
 */
class CommitSignalTest {

    private static final Duration POLL_INTERVAL = Duration.ofHours(1);

    private final CommitSignal signal = new CommitSignal() {
    };

    @Test
    void anIdleWorkerWaitsWhenNothingWasCommittedAndAWakeUpEndsTheWait() {
        Thread worker = waitingWorker();
        awaitParked(worker);

        signal.wakeUp();

        awaitDone(worker);
    }

    @Test
    void aWakeUpBeforeTheWaitEndsItAtOnceAndIsUsedOnce() {
        signal.wakeUp();
        signal.wakeUp();

        awaitDone(waitingWorker());
        Thread next = waitingWorker();
        awaitParked(next);

        signal.wakeUp();
        awaitDone(next);
    }

    @Test
    void workCommittedInATransactionWakesAWorkerOnlyOnceItCommits() {
        Thread worker = waitingWorker();
        TransactionSynchronizationManager.initSynchronization();
        try {
            signal.wakeUpAfterCommit();
            awaitParked(worker);   // not committed yet

            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        awaitDone(worker);
    }

    private Thread waitingWorker() {
        return Thread.ofPlatform().daemon().name("worker-under-test").start(() -> {
            try {
                signal.await(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** The worker is parked on the signal: it found no wake-up to take. */
    private static void awaitParked(Thread worker) {
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.getState() == Thread.State.TIMED_WAITING);
    }

    private static void awaitDone(Thread worker) {
        await().atMost(Duration.ofSeconds(10)).until(() -> !worker.isAlive());
    }
}
