package io.dharma.executor;

/**
 * A failure of the executor. {@link #isTransient()} says whether the same call may succeed if
 * retried later (throttling, a timeout, a provider hiccup); a permanent failure (invalid
 * configuration, quota exceeded, a resource the provider refuses) fails the deployment.
 */
public class ExecutorException extends Exception {

    private final boolean retryable;
    private final String resourceName;

    private ExecutorException(String message, String resourceName, boolean retryable, Throwable cause) {
        super(message, cause);
        this.resourceName = resourceName;
        this.retryable = retryable;
    }

    public static ExecutorException transientFailure(String resourceName, String message) {
        return new ExecutorException(message, resourceName, true, null);
    }

    public static ExecutorException transientFailure(String resourceName, String message, Throwable cause) {
        return new ExecutorException(message, resourceName, true, cause);
    }

    public static ExecutorException permanentFailure(String resourceName, String message) {
        return new ExecutorException(message, resourceName, false, null);
    }

    public static ExecutorException permanentFailure(String resourceName, String message, Throwable cause) {
        return new ExecutorException(message, resourceName, false, cause);
    }

    /** True when retrying the same call later may succeed. */
    public boolean isTransient() {
        return retryable;
    }

    /** The resource the failure is about, or null when it is about the whole stack. */
    public String resourceName() {
        return resourceName;
    }
}
