package io.dharma.kafka.processing;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The listener failed on one record of a poll batch; the batch's transaction rolls back. */
final class PollBatchFailedException extends RuntimeException {

    private final transient ConsumerRecord<?, ?> record;

    PollBatchFailedException(ConsumerRecord<?, ?> record, RuntimeException cause) {
        super("Listener failed on " + record.topic() + "-" + record.partition() + "@" + record.offset(), cause);
        this.record = record;
    }

    ConsumerRecord<?, ?> record() {
        return record;
    }
}
