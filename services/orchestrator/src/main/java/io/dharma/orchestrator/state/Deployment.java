package io.dharma.orchestrator.state;

import io.dharma.events.DeploymentOperation;
import io.dharma.orchestrator.events.Subject;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A deployment row.
 *
 * @param runCauseEventId the event the next step reacts to; fixed while an attempt runs, so every
 *        event of the attempt derives its eventId from it
 * @param blueprintJson canonical JSON of the version to deploy; null for a destroy or when the
 *        submission never arrived (superseded before it)
 */
public record Deployment(
        UUID deploymentId,
        long seq,
        String tenantId,
        String blueprintId,
        int blueprintVersion,
        String trackingId,
        DeploymentOperation operation,
        DeploymentStatus status,
        String statusReason,
        int attempt,
        UUID runCauseEventId,
        String blueprintName,
        String cloud,
        String region,
        String blueprintJson,
        String iacContentHash,
        String executor,
        String requestedBy,
        String decidedBy,
        String decisionComment,
        Integer planToAdd,
        Integer planToChange,
        Integer planToDestroy,
        Integer resourcesChanged,
        String failedResource,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public Subject subject() {
        return new Subject(tenantId, trackingId, blueprintId, blueprintVersion);
    }
}
