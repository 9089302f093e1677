package io.dharma.orchestrator.state;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes an idle deployment worker of this process when a deployment it could run was committed,
 * instead of at its next poll. Other instances still find it by polling.
 */
public final class RunnableDeploymentSignal {

    private final Semaphore pending = new Semaphore(0);

    /** Wakes one idle worker once the caller's transaction commits (at once outside a transaction). */
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

    /** Wakes one idle worker, if none is already due to wake. */
    public void wakeUp() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until woken or {@code timeout} passes. */
    public void await(Duration timeout) throws InterruptedException {
        pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
