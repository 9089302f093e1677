package io.dharma.executor;

/**
 * Told of each change as {@link InfrastructureExecutor#apply} completes it, in completion order.
 * An exception it throws stops the apply (the executor lets the change under way finish cleanly)
 * and is rethrown to the caller of apply.
 */
@FunctionalInterface
public interface ChangeListener {

    /** @param result the resource as the change left it (for a delete, as it was) */
    void applied(PlannedChange change, ActualResource result);
}
