package io.dharma.kafka.processing;

/** Why a record could not be processed, which decides whether it is retried and for how long. */
public enum FailureKind {

    /** The value bytes are not readable Avro of a known schema (poison bytes, unknown schema id). */
    DESERIALIZATION(false, false, "deserialization"),
    /** The listener threw {@link UnprocessableEventException}. */
    UNPROCESSABLE(false, false, "unprocessable"),
    /** A validation-type exception that another attempt cannot fix, e.g. IllegalArgumentException. */
    NOT_RETRYABLE(false, false, "not-retryable"),
    /**
     * A dependency did not answer (PostgreSQL, the schema registry, Kafka): no fault of the record.
     * Retried with capped backoff for as long as it lasts, without using up the record's attempts.
     */
    UNAVAILABLE(true, false, "dependency-unavailable"),
    /** Anything else: retried with backoff, dead-lettered when the attempts run out. */
    TRANSIENT(true, true, "retries-exhausted");

    private final boolean retryable;
    private final boolean usesAttempts;
    private final String tag;

    FailureKind(boolean retryable, boolean usesAttempts, String tag) {
        this.retryable = retryable;
        this.usesAttempts = usesAttempts;
        this.tag = tag;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Whether a failure of this kind counts towards {@code dharma.kafka.processing.retry.max-attempts}. */
    public boolean usesAttempts() {
        return usesAttempts;
    }

    /** Value of the {@code failure} tag on the dead-letter counter. */
    public String tag() {
        return tag;
    }
}
