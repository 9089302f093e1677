package io.dharma.streams.query;

import java.time.Instant;
import java.util.Comparator;

import io.dharma.streams.views.DeploymentDetails;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.PlanSummary;

/**
 * One deployment in a blueprint's list ({@code GET /api/v1/blueprints/{id}/deployments}): the fields
 * the orchestrator's list answered before the state owned this read (ADR 0031), from the deployment
 * events alone. {@code createdAt} is the time of its first status change (its Requested).
 */
public record BlueprintDeploymentResponse(String deploymentId, String blueprintId, int blueprintVersion,
        String trackingId, String operation, String status, String statusReason, int attempt, String executor,
        String requestedBy, String decidedBy, String decisionComment, DeploymentResponse.Plan plan,
        Integer resourcesChanged, String failedResource, String error, Instant createdAt, Instant updatedAt) {

    /** Newest first (by creation, then id so the order is total); the orchestrator's list was newest first too. */
    static final Comparator<BlueprintDeploymentResponse> NEWEST_FIRST = Comparator
            .comparing(BlueprintDeploymentResponse::createdAt).reversed()
            .thenComparing(BlueprintDeploymentResponse::deploymentId);

    static BlueprintDeploymentResponse of(DeploymentView view) {
        // A view folded before the details existed has none until its next event (or a rebuild of the state).
        DeploymentDetails details = view.getDetails() != null ? view.getDetails() : DeploymentDetails.newBuilder().build();
        PlanSummary plan = view.getPlan();
        Instant createdAt = view.getHistory().isEmpty() ? view.getUpdatedAt() : view.getHistory().getFirst().getOccurredAt();
        return new BlueprintDeploymentResponse(view.getDeploymentId(), view.getBlueprintId(), view.getBlueprintVersion(),
                view.getTrackingId(), view.getOperation(), view.getStatus().name(), details.getStatusReason(),
                details.getAttempt(), details.getExecutor(), details.getRequestedBy(), details.getDecidedBy(),
                details.getDecisionComment(),
                plan == null ? null : new DeploymentResponse.Plan(plan.getToAdd(), plan.getToChange(), plan.getToDestroy()),
                details.getResourcesChanged(), details.getFailedResource(), details.getError(), createdAt,
                view.getUpdatedAt());
    }
}
