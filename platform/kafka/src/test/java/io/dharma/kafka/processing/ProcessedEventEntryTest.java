package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.dharma.kafka.processing.ProcessedEventLog.Entry;

/** Which deliveries an entry of the processed-event log makes redundant (ADR 0005's crash windows). */
class ProcessedEventEntryTest {

    private static final ConsumerRecord<String, String> RECORD = new ConsumerRecord<>("dharma.blueprints.v1", 2, 40L, "bp", "v");

    @Test
    void aRedeliveryOfTheRecordWhoseTransactionNeverCommittedIsProcessedAgain() {
        assertThat(new Entry("dharma.blueprints.v1", 2, 40L, false).makesRedundant(RECORD)).isFalse();
    }

    @Test
    void theSameRecordAfterItsTransactionCommittedIsSkipped() {
        assertThat(new Entry("dharma.blueprints.v1", 2, 40L, true).makesRedundant(RECORD)).isTrue();
    }

    @Test
    void aDuplicateAtOtherCoordinatesIsSkippedWhetherOrNotTheOriginalCommitted() {
        assertThat(new Entry("dharma.blueprints.v1", 2, 39L, false).makesRedundant(RECORD)).isTrue();
        assertThat(new Entry("dharma.blueprints.v1", 1, 40L, false).makesRedundant(RECORD)).isTrue();
        assertThat(new Entry("dharma.replayed.v1", 2, 40L, false).makesRedundant(RECORD)).isTrue();
        assertThat(new Entry(null, null, null, true).makesRedundant(RECORD)).isTrue();
    }
}
