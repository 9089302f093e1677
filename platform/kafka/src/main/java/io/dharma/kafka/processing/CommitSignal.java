package io.dharma.kafka.processing;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a worker of this process that polls the database for work (the outbox relay, the
 * deployment workers) once a transaction committed work for it, instead of at its next poll.
 * Other processes still find the work by polling. Subclasses name what the work is, one bean each.
 */
public abstract class CommitSignal {

    private final Semaphore pending = new Semaphore(0);

    /** Wakes a waiting worker once the caller's transaction commits (at once outside a transaction). */
    public void wakeUpAfterCommit() {
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

    /** Wakes a waiting worker, if none is already due to wake. */
    public void wakeUp() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or {@code timeout} passes. */
    public void await(Duration timeout) throws InterruptedException {
        if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            pending.drainPermits();
        }
    }
}
