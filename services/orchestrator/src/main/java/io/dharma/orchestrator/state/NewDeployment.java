package io.dharma.orchestrator.state;

import io.dharma.events.DeploymentOperation;
import java.util.UUID;

/** What a deployment starts with; the store adds its sequence number and timestamps. */
public record NewDeployment(
        UUID deploymentId,
        String tenantId,
        String blueprintId,
        int blueprintVersion,
        String trackingId,
        DeploymentOperation operation,
        DeploymentStatus status,
        String statusReason,
        UUID runCauseEventId,
        String blueprintName,
        String cloud,
        String region,
        String blueprintJson,
        String iacContentHash,
        String executor,
        String requestedBy,
        String decidedBy,
        String decisionComment) {
}
