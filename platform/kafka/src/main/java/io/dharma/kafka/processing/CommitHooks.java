package io.dharma.kafka.processing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Bookkeeping around the commit of the current (Kafka) transaction; none of it runs on rollback. */
final class CommitHooks {

    private static final Logger LOG = LoggerFactory.getLogger(CommitHooks.class);

    private CommitHooks() {
    }

    /**
     * @param what   for the log line if the action fails
     * @param action runs on the committing thread; a failure is logged, the commit stands
     */
    static void afterCommit(String what, Runnable action) {
        register(what, new TransactionSynchronization() {
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

    /**
     * @param action runs on the committing thread just before the commit; a failure rolls the
     *               transaction back
     */
    static void beforeCommit(String what, Runnable action) {
        register(what, new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                action.run();
            }
        });
    }

    private static void register(String what, TransactionSynchronization synchronization) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("No transaction synchronization is active; " + what
                    + " must run inside a listener of dharmaListenerContainerFactory");
        }
        TransactionSynchronizationManager.registerSynchronization(synchronization);
    }
}
