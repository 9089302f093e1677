package io.dharma.executor;

import java.util.List;

/**
 * What the orchestrator needs from something that creates infrastructure. The built-in sandbox
 * cloud implements it; a Terraform or cloud-SDK executor can be added without touching the
 * orchestrator.
 *
 * <p>Contract every implementation keeps:
 * <ul>
 *   <li>{@link #plan} compares the desired state with what {@link #readActualState} returns and
 *       lists creates and updates in dependency order, deletes in reverse dependency order; a
 *       resource whose attributes already match is not in the plan.</li>
 *   <li>{@link #apply} performs one planned change and is idempotent per (stack, resource name):
 *       applying a create for a resource that already exists returns it instead of creating a
 *       second one. That is what makes an interrupted apply resumable: plan again, apply again.</li>
 *   <li>Failures are {@link ExecutorException}s that say whether retrying can help.</li>
 * </ul>
 */
public interface InfrastructureExecutor {

    /** A short stable name, recorded on deployment events (for example "sandbox"). */
    String name();

    /** The changes that turn the stack's actual state into {@code desired}. */
    Plan plan(Stack stack, DesiredState desired) throws ExecutorException;

    /** Performs one planned change; returns the resource as it now is (or the deleted one, for a delete). */
    ActualResource apply(Stack stack, PlannedChange change) throws ExecutorException;

    /** Every resource the stack has now, as the provider reports it (drift detection reads this too). */
    List<ActualResource> readActualState(Stack stack) throws ExecutorException;

    /** The plan that removes everything the stack has, in reverse dependency order. */
    default Plan planDestroy(Stack stack) throws ExecutorException {
        return plan(stack, DesiredState.EMPTY);
    }
}
