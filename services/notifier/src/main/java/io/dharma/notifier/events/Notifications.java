package io.dharma.notifier.events;

import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.DriftDetected;
import io.dharma.events.DriftEvent;
import io.dharma.events.DriftResolved;
import io.dharma.events.Envelope;
import io.dharma.notifier.store.BlueprintDirectory.KnownBlueprint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which public events are notifications, and what they say. The wording is for a person reading a
 * chat message or a ticket: what happened, to which blueprint in which environment, why, and where
 * to look (a link to the API; for approvals, the command that approves).
 */
public final class Notifications {

    private final String publicUrl;

    public Notifications(String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public Optional<Notification> of(DeploymentEvent event, Optional<KnownBlueprint> blueprint) {
        String deploymentId = event.getDeploymentId();
        Map<String, Object> data = base(event.getEnvelope(), blueprint);
        data.put("deploymentId", deploymentId);
        data.put("links", Map.of("deployment", publicUrl + "/api/v1/deployments/" + deploymentId,
                "tracking", publicUrl + "/api/v1/tracking/" + event.getEnvelope().getTrackingId()));
        return switch (event.getPayload()) {
            case DeploymentAwaitingApproval awaiting -> {
                data.put("summary", "Approval needed to deploy " + name(blueprint, event.getEnvelope()));
                data.put("reason", awaiting.getReason());
                if (awaiting.getEstimatedMonthly() != null) {
                    data.put("estimatedMonthly", awaiting.getEstimatedMonthly().toPlainString() + " " + awaiting.getCurrency());
                }
                data.put("approveCommand", "dharma approve " + deploymentId);
                data.put("rejectCommand", "dharma reject " + deploymentId);
                yield Optional.of(notification(NotificationKind.APPROVAL_NEEDED, "io.dharma.deployment.approval-needed",
                        event.getEnvelope(), blueprint, data));
            }
            case DeploymentBlocked blocked -> {
                data.put("summary", "Deployment of " + name(blueprint, event.getEnvelope()) + " is blocked");
                data.put("reason", blocked.getReasons().stream().map(reason -> reason.getKind() + ": " + reason.getMessage())
                        .collect(Collectors.joining("; ")));
                yield Optional.of(notification(NotificationKind.BLOCKED, "io.dharma.deployment.blocked", event.getEnvelope(),
                        blueprint, data));
            }
            case DeploymentFailed failed -> {
                data.put("summary", "Deployment of " + name(blueprint, event.getEnvelope()) + " failed");
                data.put("reason", failed.getError());
                data.put("attempts", failed.getAttempts());
                if (failed.getFailedResource() != null) {
                    data.put("failedResource", failed.getFailedResource());
                }
                data.put("retryCommand", "dharma retry " + deploymentId);
                yield Optional.of(notification(NotificationKind.FAILED, "io.dharma.deployment.failed", event.getEnvelope(),
                        blueprint, data));
            }
            case DeploymentSucceeded succeeded -> {
                data.put("summary", "Deployment of " + name(blueprint, event.getEnvelope()) + " succeeded");
                data.put("reason", succeeded.getResourcesChanged() + " resources changed");
                yield Optional.of(notification(NotificationKind.SUCCEEDED, "io.dharma.deployment.succeeded",
                        event.getEnvelope(), blueprint, data));
            }
            default -> Optional.empty();
        };
    }

    public Optional<Notification> of(DriftEvent event, Optional<KnownBlueprint> blueprint) {
        Map<String, Object> data = base(event.getEnvelope(), blueprint);
        data.put("deploymentId", event.getDeploymentId());
        data.put("resource", event.getResourceName());
        data.put("resourceType", event.getResourceType());
        data.put("links", Map.of("drift", publicUrl + "/api/v1/drift?blueprintId=" + event.getEnvelope().getBlueprintId()));
        return switch (event.getPayload()) {
            case DriftDetected detected -> {
                data.put("summary", "Drift detected on " + event.getResourceName() + " of " + name(blueprint, event.getEnvelope()));
                data.put("reason", detected.getDeleted() ? "the resource was deleted outside Dharma"
                        : detected.getDriftedAttributes().stream().map(drift -> drift.getName() + ": declared "
                                + drift.getDesired() + ", actual " + drift.getActual()).collect(Collectors.joining("; ")));
                yield Optional.of(notification(NotificationKind.DRIFT, "io.dharma.drift.detected", event.getEnvelope(),
                        blueprint, data));
            }
            case DriftResolved resolved -> {
                data.put("summary", "Drift resolved on " + event.getResourceName() + " of " + name(blueprint, event.getEnvelope()));
                data.put("reason", "resolution: " + resolved.getResolution());
                yield Optional.of(notification(NotificationKind.DRIFT, "io.dharma.drift.resolved", event.getEnvelope(),
                        blueprint, data));
            }
            default -> Optional.empty();
        };
    }

    public Optional<Notification> of(CostEstimated cost, Optional<KnownBlueprint> blueprint) {
        if (!"OVER".equals(cost.getBudgetStatus().name())) {
            return Optional.empty();
        }
        Map<String, Object> data = base(cost.getEnvelope(), blueprint);
        data.put("summary", name(blueprint, cost.getEnvelope()) + " is over its budget");
        data.put("reason", "estimated " + cost.getTotalMonthly().toPlainString() + " " + cost.getCurrency() + " a month, budget "
                + (cost.getBudget() == null ? "?" : cost.getBudget().toPlainString()) + " " + cost.getCurrency());
        data.put("links", Map.of("tracking", publicUrl + "/api/v1/tracking/" + cost.getEnvelope().getTrackingId()));
        return Optional.of(notification(NotificationKind.OVER_BUDGET, "io.dharma.cost.over-budget", cost.getEnvelope(),
                blueprint, data));
    }

    private static Map<String, Object> base(Envelope envelope, Optional<KnownBlueprint> blueprint) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", envelope.getTenantId());
        data.put("blueprintId", envelope.getBlueprintId());
        blueprint.ifPresent(known -> {
            data.put("blueprintName", known.name());
            data.put("environment", known.environment());
        });
        data.put("blueprintVersion", envelope.getBlueprintVersion());
        data.put("trackingId", envelope.getTrackingId());
        return data;
    }

    private static Notification notification(NotificationKind kind, String type, Envelope envelope,
            Optional<KnownBlueprint> blueprint, Map<String, Object> data) {
        return new Notification(kind, envelope.getEventId(), envelope.getTenantId(), envelope.getBlueprintId(),
                blueprint.map(KnownBlueprint::environment).orElse(null), CloudEvents.of(envelope, type, data));
    }

    private static String name(Optional<KnownBlueprint> blueprint, Envelope envelope) {
        return blueprint.map(known -> known.name() + " (" + known.environment() + ")").orElse(envelope.getBlueprintId());
    }
}
