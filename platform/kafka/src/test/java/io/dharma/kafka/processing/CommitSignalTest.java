package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommitSignalTest {

    private final CommitSignal signal = new CommitSignal() {
    };

    @Test
    void anIdleWorkerWaitsItsWholePollIntervalWhenNothingWasCommitted() throws InterruptedException {
        assertThat(waitedMillis(Duration.ofMillis(200))).isGreaterThanOrEqualTo(190);
    }

    @Test
    void aWakeUpEndsTheWaitAtOnceAndIsUsedOnce() throws InterruptedException {
        signal.wakeUp();
        signal.wakeUp();

        assertThat(waitedMillis(Duration.ofSeconds(10))).isLessThan(1_000);
        assertThat(waitedMillis(Duration.ofMillis(200))).isGreaterThanOrEqualTo(190);
    }

    @Test
    void workCommittedInATransactionWakesAWorkerOnlyOnceItCommits() throws InterruptedException {
        TransactionSynchronizationManager.initSynchronization();
        try {
            signal.wakeUpAfterCommit();
            assertThat(waitedMillis(Duration.ofMillis(200))).as("not committed yet").isGreaterThanOrEqualTo(190);

            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }

        assertThat(waitedMillis(Duration.ofSeconds(10))).isLessThan(1_000);
    }

    private long waitedMillis(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        signal.await(timeout);
        return (System.nanoTime() - start) / 1_000_000;
    }
}
