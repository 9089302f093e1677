package io.dharma.kafka.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Runs bookkeeping once the current (Kafka) transaction has committed, and never if it rolls back. */
final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /**
     * @param what   for the log line if the action fails
     * @param action runs on the committing thread; a failure is logged, the commit stands
     */
    static void run(String what, Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("No transaction synchronization is active; " + what
                    + " must run inside a listener of dharmaListenerContainerFactory");
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("Kafka transaction committed, but {} failed afterwards", what, e);
                }
            }
        });
    }
}
