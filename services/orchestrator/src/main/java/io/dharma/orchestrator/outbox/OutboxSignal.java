package io.dharma.orchestrator.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes the relay as soon as a transaction that wrote outbox rows commits, instead of at its next poll. */
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    /** Wakes the relay once the current transaction commits (at once when there is none). */
    void wakeUpAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wakeUp();
                }
            });
        } else {
            wakeUp();
        }
    }

    void wakeUp() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or {@code timeout} passes. */
    void await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
