package io.dharma.orchestrator.state;

import java.util.EnumSet;
import java.util.Set;

/** Where a deployment stands. The worker runs the active ones, the oldest first per blueprint. */
public enum DeploymentStatus {
    /** A verdict forbids it; terminal. */
    BLOCKED,
    /** Waits for an approver. */
    AWAITING_APPROVAL,
    /** An approver refused it; terminal. */
    REJECTED,
    /** A newer version or a destroy came before it ran; terminal. */
    SUPERSEDED,
    /** Approved (or asked for: destroy, retry) and waiting for the worker. */
    REQUESTED,
    PLANNING,
    PLANNED,
    APPLYING,
    SUCCEEDED,
    /** Stopped on a permanent executor failure or after its retries; may be retried. */
    FAILED,
    /** A destroy removed every resource; terminal. */
    DESTROYED;

    public static final Set<DeploymentStatus> ACTIVE = EnumSet.of(REQUESTED, PLANNING, PLANNED, APPLYING);

    /** Statuses of a deployment that has not ended (counted by the tenant's deployments quota). */
    public static final Set<DeploymentStatus> OPEN = EnumSet.of(AWAITING_APPROVAL, REQUESTED, PLANNING, PLANNED, APPLYING);

    /** Statuses of a deployment that has started executing at some point. */
    public static final Set<DeploymentStatus> EXECUTED = EnumSet.of(PLANNING, PLANNED, APPLYING, SUCCEEDED, FAILED, DESTROYED);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
