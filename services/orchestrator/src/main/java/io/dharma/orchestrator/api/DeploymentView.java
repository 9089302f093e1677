package io.dharma.orchestrator.api;

import io.dharma.orchestrator.state.Deployment;
import java.time.OffsetDateTime;

/**
 * A deployment as the orchestrator's commands answer it (every read of deployments is the streams
 * application's query API).
 */
public record DeploymentView(
        String deploymentId,
        String blueprintId,
        int blueprintVersion,
        String trackingId,
        String operation,
        String status,
        String statusReason,
        int attempt,
        String executor,
        String requestedBy,
        String decidedBy,
        String decisionComment,
        PlanSummary plan,
        Integer resourcesChanged,
        String failedResource,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record PlanSummary(int toAdd, int toChange, int toDestroy) {
    }

    static DeploymentView of(Deployment d) {
        PlanSummary plan = d.planToAdd() == null ? null
                : new PlanSummary(d.planToAdd(), d.planToChange(), d.planToDestroy());
        return new DeploymentView(d.deploymentId().toString(), d.blueprintId(), d.blueprintVersion(), d.trackingId(),
                d.operation().name(), d.status().name(), d.statusReason(), d.attempt(), d.executor(), d.requestedBy(),
                d.decidedBy(), d.decisionComment(), plan, d.resourcesChanged(), d.failedResource(), d.error(),
                d.createdAt(), d.updatedAt());
    }
}
