package io.dharma.kafka.processing;

/** Why a record could not be processed, which decides whether it is retried and for how long. */
public enum FailureKind {

    /** The value bytes are not readable Avro of a known schema (poison bytes, unknown schema id). */
    DESERIALIZATION("deserialization"),
    /** The listener threw {@link UnprocessableEventException}. */
    UNPROCESSABLE("unprocessable"),
    /** A validation-type exception that another attempt cannot fix, e.g. IllegalArgumentException. */
    NOT_RETRYABLE("not-retryable"),
    /**
     * A dependency did not answer (PostgreSQL, the schema registry, Kafka): no fault of the record.
     * Retried with capped backoff for as long as it lasts, without using up the record's attempts.
     */
    UNAVAILABLE("dependency-unavailable"),
    /** Anything else: retried with backoff, dead-lettered when the attempts run out. */
    TRANSIENT("retries-exhausted");

    private final String tag;

    FailureKind(String tag) {
        this.tag = tag;
    }

    public boolean retryable() {
        return this == UNAVAILABLE || usesAttempts();
    }

    /** Whether a failure of this kind counts towards {@code dharma.kafka.processing.retry.max-attempts}. */
    public boolean usesAttempts() {
        return this == TRANSIENT;
    }

    /** Value of the {@code failure} tag on the dead-letter counter. */
    public String tag() {
        return tag;
    }
}
