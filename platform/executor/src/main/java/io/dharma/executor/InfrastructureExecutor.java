package io.dharma.executor;

import java.util.List;
import java.util.Map;

/**
 * What the orchestrator needs from something that creates infrastructure: the built-in sandbox
 * cloud, or Terraform running the generated configuration. Which one serves a cloud is
 * configuration ({@code dharma.orchestrator.executors.<cloud>}).
 *
 * <p>Contract every implementation keeps:
 * <ul>
 *   <li>{@link #plan} compares the configuration with the stack's actual state and lists creates
 *       and updates in dependency order, deletes in reverse dependency order; a resource that
 *       already matches is not in the plan.</li>
 *   <li>{@link #apply} carries out exactly the plan it is given, reporting each change as it
 *       completes, and nothing else; a plan that no longer fits the stack (something changed
 *       since) is refused, never applied blindly. A plan is applied at most once: to resume an
 *       interrupted apply, plan again and apply the new plan. Re-planning after an interruption
 *       finds what was done and plans only the rest, so nothing is created twice.</li>
 *   <li>A plan or apply whose {@link Stack#fencingToken()} is lower than the highest the executor
 *       has seen for the stack is refused with {@link ExecutorException#fenced}: its caller lost the
 *       stack to a newer claim. Calls under no claim ({@link Stack#UNFENCED}) are not checked.</li>
 *   <li>Failures are {@link ExecutorException}s that say whether retrying can help.</li>
 * </ul>
 */
public interface InfrastructureExecutor {

    /** A short stable name, recorded on deployment events (for example "sandbox", "terraform"). */
    String name();

    /** The changes that turn the stack's actual state into {@code configuration}. */
    Plan plan(Stack stack, StackConfiguration configuration) throws ExecutorException;

    /**
     * The plan that removes everything the stack has, in reverse dependency order.
     *
     * @param lastApplied the configuration the stack was last deployed from (providers and settings)
     */
    Plan planDestroy(Stack stack, StackConfiguration lastApplied) throws ExecutorException;

    /**
     * Applies {@code plan}, telling {@code listener} of each change as it completes.
     *
     * @return the stack's outputs after the apply (endpoints, ids), sensitive ones left out
     */
    Map<String, String> apply(Stack stack, Plan plan, ChangeListener listener) throws ExecutorException;

    /**
     * Every resource the stack has now, as the provider reports it (drift detection reads this,
     * and a resumed deployment).
     *
     * @param deployed the configuration the stack was last deployed from
     */
    List<ActualResource> readActualState(Stack stack, StackConfiguration deployed) throws ExecutorException;

    /** What an operator should know about this executor (where it deploys to), for health and banners. */
    default Map<String, String> details() {
        return Map.of();
    }

    /** Forgets a plan that will not be applied (a Terraform plan file is deleted). */
    default void discard(Plan plan) {
    }
}
