package io.dharma.examples.downstream;

import java.util.stream.Collectors;

import io.dharma.events.BlockReason;
import io.dharma.events.DeploymentApplying;
import io.dharma.events.DeploymentApproved;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentDestroyed;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.DeploymentPlanning;
import io.dharma.events.DeploymentRejected;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.ResourceChanged;

/**
 * One printed line per deployment event:
 * {@code <occurredAt> <blueprintId> <deploymentId> <STEP> <details>}.
 */
final class DeploymentLine {

    private DeploymentLine() {
    }

    static String of(DeploymentEvent event) {
        return String.join(" ",
                event.getEnvelope().getOccurredAt().toString(),
                event.getEnvelope().getBlueprintId(),
                event.getDeploymentId(),
                step(event.getPayload()),
                details(event.getPayload())).stripTrailing();
    }

    static String step(Object payload) {
        return switch (payload) {
            case DeploymentRequested ignored -> "REQUESTED";
            case DeploymentBlocked ignored -> "BLOCKED";
            case DeploymentAwaitingApproval ignored -> "AWAITING_APPROVAL";
            case DeploymentApproved ignored -> "APPROVED";
            case DeploymentRejected ignored -> "REJECTED";
            case DeploymentPlanning ignored -> "PLANNING";
            case DeploymentPlanned ignored -> "PLANNED";
            case DeploymentApplying ignored -> "APPLYING";
            case ResourceChanged ignored -> "RESOURCE_CHANGED";
            case DeploymentSucceeded ignored -> "SUCCEEDED";
            case DeploymentFailed ignored -> "FAILED";
            case DeploymentDestroyed ignored -> "DESTROYED";
            default -> payload.getClass().getSimpleName();   // a kind added after this code was written
        };
    }

    private static String details(Object payload) {
        return switch (payload) {
            case DeploymentRequested r -> "operation=" + r.getOperation() + " executor=" + r.getExecutor();
            case DeploymentBlocked b -> "reasons=" + b.getReasons().stream()
                    .map(DeploymentLine::reason).collect(Collectors.joining("; ", "[", "]"));
            case DeploymentAwaitingApproval a -> "reason=\"" + a.getReason() + "\"";
            case DeploymentApproved a -> "approver=" + a.getApprover();
            case DeploymentRejected r -> "approver=" + r.getApprover()
                    + (r.getComment() == null ? "" : " comment=\"" + r.getComment() + "\"");
            case DeploymentPlanning p -> "attempt=" + p.getAttempt();
            case DeploymentPlanned p -> "add=" + p.getToAdd() + " change=" + p.getToChange() + " destroy=" + p.getToDestroy();
            case DeploymentApplying a -> "attempt=" + a.getAttempt();
            case ResourceChanged c -> c.getResourceName() + " " + c.getAction()
                    + (c.getError() == null ? "" : " error=\"" + c.getError() + "\"");
            case DeploymentSucceeded s -> "resourcesChanged=" + s.getResourcesChanged();
            case DeploymentFailed f -> "error=\"" + f.getError() + "\" attempts=" + f.getAttempts();
            case DeploymentDestroyed d -> "resourcesDestroyed=" + d.getResourcesDestroyed();
            default -> "";
        };
    }

    private static String reason(BlockReason reason) {
        return reason.getKind() + (reason.getPolicyId() == null ? "" : " " + reason.getPolicyId()) + ": " + reason.getMessage();
    }
}
