package io.dharma.executor;

import java.util.Objects;

/**
 * The unit an executor manages: everything one blueprint deploys, for one tenant, in one cloud
 * and region. A blueprint's versions all deploy into the same stack, so version 2 updates what
 * version 1 created.
 *
 * <p>A call that changes the stack carries the {@code fencingToken} of the claim it is made under
 * (Kleppmann's fencing token): a number the orchestrator raises each time a worker takes the stack.
 * An executor refuses a call whose token is lower than the highest it has seen for the stack
 * ({@link ExecutorException#isFenced()}), so a worker that lost the stack while its call was running
 * cannot change it behind the worker that took it over. {@link #UNFENCED} (a read, a tool) is not checked.
 *
 * @param cloud "aws", "azure" or "gcp"
 * @param fencingToken the claim's token, or {@link #UNFENCED}
 */
public record Stack(String tenantId, String blueprintId, String blueprintName, String cloud, String region,
        long fencingToken) {

    /** The token of a call made under no claim: executors do not check it. */
    public static final long UNFENCED = 0;

    public Stack {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(blueprintId, "blueprintId");
        Objects.requireNonNull(blueprintName, "blueprintName");
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(region, "region");
        if (fencingToken < UNFENCED) {
            throw new IllegalArgumentException("a fencing token is positive (or UNFENCED) but was " + fencingToken);
        }
    }

    /** A stack for calls made under no claim. */
    public Stack(String tenantId, String blueprintId, String blueprintName, String cloud, String region) {
        this(tenantId, blueprintId, blueprintName, cloud, region, UNFENCED);
    }

    /** This stack, for calls made under the claim that holds {@code token}. */
    public Stack fencedBy(long token) {
        return new Stack(tenantId, blueprintId, blueprintName, cloud, region, token);
    }

    public boolean fenced() {
        return fencingToken != UNFENCED;
    }
}
