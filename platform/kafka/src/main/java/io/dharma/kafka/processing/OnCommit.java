package io.dharma.kafka.processing;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For business counters: a decision counts once, when the transaction that records it commits (a
 * listener's Kafka transaction, or a database transaction), not again each time a rolled-back batch
 * is processed anew.
 */
public final class OnCommit {

    private OnCommit() {
    }

    /**
     * Runs {@code action} after the current transaction commits (never on rollback); outside a
     * transaction (a decision called directly, as unit tests do) it runs now.
     */
    public static void run(String what, Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            CommitHooks.afterCommit(what, action);
        } else {
            action.run();
        }
    }
}
