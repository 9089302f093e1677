package io.dharma.intake.submission;

/** An Idempotency-Key was reused with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(String key) {
        super("the Idempotency-Key '" + key + "' was already used for a different request");
    }
}
