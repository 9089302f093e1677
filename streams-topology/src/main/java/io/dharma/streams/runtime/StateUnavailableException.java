package io.dharma.streams.runtime;

/**
 * The state cannot answer right now — the application is starting, restoring a store or
 * rebalancing, or the instance hosting a key cannot be reached. Answered with 503 and
 * {@code Retry-After}: a stale or partial answer is never given instead.
 */
public class StateUnavailableException extends RuntimeException {

    public StateUnavailableException(String message) {
        super(message);
    }

    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
