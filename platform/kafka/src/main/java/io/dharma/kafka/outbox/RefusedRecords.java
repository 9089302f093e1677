package io.dharma.kafka.outbox;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.springframework.kafka.KafkaException;

/**
 * A batch in which Kafka refused a record for good; the batch is aborted. Either the refused row is
 * known (a batch of one) and is set aside, or only that some row of the batch was refused, and the
 * batch's rows are sent again one at a time to find it.
 */
final class RefusedRecords extends RuntimeException {

    /** A refused row: its id, topic, envelope eventId (null without an envelope) and Kafka's answer. */
    record Refused(long id, String topic, UUID eventId, String reason) {
    }

    private final transient List<Refused> rows;
    private final int batchSize;

    RefusedRecords(List<Refused> rows) {
        super(rows.size() + " outbox rows refused by Kafka", null, false, false);
        this.rows = List.copyOf(rows);
        this.batchSize = rows.size();
    }

    private RefusedRecords(int batchSize) {
        super("a row of an outbox batch of " + batchSize + " refused by Kafka", null, false, false);
        this.rows = List.of();
        this.batchSize = batchSize;
    }

    /** Some row of a batch of {@code batchSize} was refused; which one, the producer's answers cannot tell. */
    static RefusedRecords somewhereIn(int batchSize) {
        return new RefusedRecords(batchSize);
    }

    /** The rows known to be refused; empty when it is not known which row of the batch it was. */
    List<Refused> rows() {
        return rows;
    }

    int batchSize() {
        return batchSize;
    }

    /**
     * Whether sending the same record again can never succeed. Only the record's own failure counts,
     * not its cause: once one record of a transaction is refused, the producer fails the records sent
     * after it with a {@code KafkaException} whose cause is that refusal, and those are fine.
     */
    static boolean isPermanent(Throwable failure) {
        Throwable own = unwrapped(failure);
        return own instanceof RecordTooLargeException || own instanceof RecordBatchTooLargeException
                || own instanceof InvalidTopicException || own instanceof InvalidRecordException;
    }

    /**
     * The producer's exception for this record, without the future's and Spring Kafka's wrappers
     * around it ({@code KafkaProducerException}, "Send failed"); Kafka's own exceptions are kept.
     */
    static Throwable unwrapped(Throwable failure) {
        Throwable own = failure;
        while ((own instanceof CompletionException || own instanceof ExecutionException || own instanceof KafkaException)
                && own.getCause() != null) {
            own = own.getCause();
        }
        return own;
    }
}
