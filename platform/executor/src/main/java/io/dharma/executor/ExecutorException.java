package io.dharma.executor;

/**
 * A failure of the executor. {@link #isTransient()} says whether the same call may succeed if
 * retried later (throttling, a timeout, a provider hiccup); a permanent failure (invalid
 * configuration, quota exceeded, a resource the provider refuses) fails the deployment.
 */
public class ExecutorException extends Exception {

    private final boolean retryable;
    private final boolean fenced;
    private final String resourceName;
    private final String address;

    private ExecutorException(String message, String resourceName, String address, boolean retryable, Throwable cause) {
        this(message, resourceName, address, retryable, false, cause);
    }

    private ExecutorException(String message, String resourceName, String address, boolean retryable, boolean fenced,
            Throwable cause) {
        super(message, cause);
        this.resourceName = resourceName;
        this.address = address;
        this.retryable = retryable;
        this.fenced = fenced;
    }

    /**
     * The call's fencing token is lower than the highest the executor has seen for the stack: another
     * claim took the stack since. Not transient (retrying cannot help) and not a failure of the
     * deployment: the caller has lost the stack and must stop.
     */
    public static ExecutorException fenced(Stack stack, long highestSeen) {
        return new ExecutorException("stack " + stack.blueprintId() + " was taken by a newer claim (fencing token "
                + highestSeen + "); this call's token " + stack.fencingToken() + " is stale and it is refused",
                null, null, false, true, null);
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

    /** True when the call was refused for a stale fencing token ({@link #fenced}). */
    public boolean isFenced() {
        return fenced;
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
