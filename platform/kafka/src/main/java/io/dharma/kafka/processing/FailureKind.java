package io.dharma.kafka.processing;

/** Why a record could not be processed, which decides whether it is retried. */
public enum FailureKind {

    /** The value bytes are not readable Avro of a known schema (poison bytes, unknown schema id). */
    DESERIALIZATION(false, "deserialization"),
    /** The listener threw {@link UnprocessableEventException}. */
    UNPROCESSABLE(false, "unprocessable"),
    /** A validation-type exception that another attempt cannot fix, e.g. IllegalArgumentException. */
    NOT_RETRYABLE(false, "not-retryable"),
    /** Anything else: retried with backoff, dead-lettered when the attempts run out. */
    TRANSIENT(true, "retries-exhausted");

    private final boolean retryable;
    private final String tag;

    FailureKind(boolean retryable, String tag) {
        this.retryable = retryable;
        this.tag = tag;
    }

    public boolean retryable() {
        return retryable;
    }

    /** Value of the {@code failure} tag on the dead-letter counter. */
    public String tag() {
        return tag;
    }
}
