package io.dharma.kafka.outbox;

import java.util.List;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/** Outbox rows Kafka will never accept, found in a batch; the batch is aborted and retried without them. */
final class RefusedRecords extends RuntimeException {

    record Refused(long id, String reason) {
    }

    private final transient List<Refused> rows;

    RefusedRecords(List<Refused> rows) {
        super(rows.size() + " outbox rows refused by Kafka", null, false, false);
        this.rows = List.copyOf(rows);
    }

    List<Refused> rows() {
        return rows;
    }

    /** Whether sending the same record again can never succeed. */
    static boolean isPermanent(Throwable failure) {
        Throwable cause = rootCause(failure);
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                || cause instanceof InvalidTopicException || cause instanceof InvalidRecordException;
    }

    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
