package io.dharma.kafka.processing;

/**
 * A classified processing failure.
 *
 * @param kind  what kind of failure it is
 * @param cause the exception that explains it (wrappers added by Spring Kafka removed)
 */
public record Failure(FailureKind kind, Throwable cause) {

    private static final int MAX_REASON_LENGTH = 500;

    /** One line for operators, as in the {@code dharma-dlt-reason} header. */
    public String reason(int maxAttempts) {
        String detail = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        String reason = switch (kind) {
            case DESERIALIZATION -> "Value cannot be deserialized, " + detail;
            case UNPROCESSABLE -> "Unprocessable event: " + cause.getMessage();
            case NOT_RETRYABLE -> "Not retryable, " + detail;
            case UNAVAILABLE -> "Dependency unavailable, " + detail;
            case TRANSIENT -> "Failed " + maxAttempts + (maxAttempts == 1 ? " time" : " times") + ", last with " + detail;
        };
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 1) + "…";
    }
}
