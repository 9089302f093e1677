package io.dharma.executor;

/**
 * A failure of the executor. {@link #isTransient()} says whether the same call may succeed if
 * retried later (throttling, a timeout, a provider hiccup); a permanent failure (invalid
 * configuration, quota exceeded, a resource the provider refuses) fails the deployment.
 */
public class ExecutorException extends Exception {

    private final boolean retryable;
    private final String resourceName;
    private final String address;

    private ExecutorException(String message, String resourceName, String address, boolean retryable, Throwable cause) {
        super(message, cause);
        this.resourceName = resourceName;
        this.address = address;
        this.retryable = retryable;
    }

    public static ExecutorException transientFailure(String resourceName, String message) {
        return new ExecutorException(message, resourceName, null, true, null);
    }

    public static ExecutorException transientFailure(String resourceName, String message, Throwable cause) {
        return new ExecutorException(message, resourceName, null, true, cause);
    }

    public static ExecutorException permanentFailure(String resourceName, String message) {
        return new ExecutorException(message, resourceName, null, false, null);
    }

    public static ExecutorException permanentFailure(String resourceName, String message, Throwable cause) {
        return new ExecutorException(message, resourceName, null, false, cause);
    }

    /** A permanent failure of one addressed resource (a Terraform resource instance). */
    public static ExecutorException permanentFailureOf(String resourceName, String address, String message) {
        return new ExecutorException(message, resourceName, address, false, null);
    }

    /** True when retrying the same call later may succeed. */
    public boolean isTransient() {
        return retryable;
    }

    /** The blueprint resource the failure is about, or null when it is about the whole stack. */
    public String resourceName() {
        return resourceName;
    }

    /** The address of the resource the failure is about, or null when the executor did not name one. */
    public String address() {
        return address;
    }
}
