package io.dharma.streams;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
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
import io.dharma.events.Envelope;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.IacGenerationFailed;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.streams.views.Stage;
import io.dharma.streams.views.StageKind;
import io.dharma.streams.views.TrackingStatus;
import io.dharma.streams.views.TrackingStep;
import io.dharma.streams.views.TrackingView;
import org.apache.avro.specific.SpecificRecord;

/**
 * Pure fold of lifecycle events into a {@link TrackingView}, in two halves around the repartition
 * by trackingId: {@link #stepOf} extracts what one event contributes (a stage, or a changed
 * resource) as a small {@link TrackingStep}; {@link #apply} folds a step into the view.
 * Idempotent: a step whose eventId is already a stage, or a resource already counted, returns the
 * view unchanged (same instance). Stages are kept ordered by occurredAt (ties: pipeline order), so
 * an event arriving late lands in its place and the current status is always that of the latest stage.
 */
final class TrackingFold {

    /**
     * On a tie of occurredAt, stages of different services keep pipeline order, and the
     * orchestrator's own (decision and deployment) the order they arrived in: it publishes them in
     * order on the blueprint's partition, and its paths visit the statuses in different orders
     * (PLANNED comes before AWAITING_APPROVAL when approval is required, after APPROVED otherwise),
     * so no order of statuses is right for all of them. {@code List.sort} is stable: a stage added
     * last stays after the ones it ties with.
     */
    private static final Comparator<Stage> STAGE_ORDER = Comparator
            .comparing(Stage::getOccurredAt)
            .thenComparing(TrackingFold::pipelineRank);

    private TrackingFold() {
    }

    private static int pipelineRank(Stage stage) {
        return switch (stage.getKind()) {
            case DECISION, DEPLOYMENT -> Integer.MAX_VALUE;
            default -> stage.getStatus().ordinal();
        };
    }

    static Envelope envelopeOf(SpecificRecord event) {
        return switch (event) {
            case BlueprintSubmitted e -> e.getEnvelope();
            case IacEvent e -> e.getEnvelope();
            case GuardrailsEvaluated e -> e.getEnvelope();
            case CostEstimated e -> e.getEnvelope();
            case DeploymentEvent e -> e.getEnvelope();
            default -> throw new IllegalArgumentException("not a lifecycle event: " + event.getClass().getName());
        };
    }

    /** What {@code event} adds to its tracking view, or null for an event kind the view ignores. */
    static TrackingStep stepOf(SpecificRecord event) {
        Envelope envelope = envelopeOf(event);
        TrackingStep.Builder step = TrackingStep.newBuilder()
                .setTrackingId(envelope.getTrackingId())
                .setTenantId(envelope.getTenantId())
                .setBlueprintId(envelope.getBlueprintId())
                .setBlueprintVersion(envelope.getBlueprintVersion())
                .setEventId(envelope.getEventId().toString())
                .setOccurredAt(envelope.getOccurredAt())
                .setDeploymentId(event instanceof DeploymentEvent deployment ? deployment.getDeploymentId() : null)
                .setStage(null)
                .setChangedResource(null);
        if (event instanceof DeploymentEvent deployment && deployment.getPayload() instanceof ResourceChanged changed) {
            return changed.getAction() == ResourceChangeAction.FAILED
                    ? null : step.setChangedResource(Resources.addressOf(changed)).build();
        }
        Stage stage = stageOf(event, envelope);
        return stage == null ? null : step.setStage(stage).build();
    }

    static TrackingView apply(TrackingView current, TrackingStep step) {
        TrackingView view = current != null ? current : empty(step);
        if (step.getChangedResource() != null) {
            return withChangedResource(current, view, step);
        }
        if (view.getStages().stream().anyMatch(stage -> stage.getEventId().equals(step.getEventId()))) {
            return current;
        }
        List<Stage> stages = new ArrayList<>(view.getStages());
        stages.add(step.getStage());
        stages.sort(STAGE_ORDER);
        TrackingView.Builder updated = TrackingView.newBuilder(view)
                .setStages(stages)
                .setStatus(stages.getLast().getStatus())
                .setUpdatedAt(latest(view.getUpdatedAt(), step.getOccurredAt()));
        if (step.getDeploymentId() != null) {
            updated.setDeploymentId(step.getDeploymentId());
        }
        return updated.build();
    }

    private static TrackingView withChangedResource(TrackingView current, TrackingView view, TrackingStep step) {
        Set<String> resources = new LinkedHashSet<>(view.getChangedResources());
        if (!resources.add(step.getChangedResource())) {
            return current;
        }
        return TrackingView.newBuilder(view)
                .setChangedResources(new ArrayList<>(resources))
                .setDeploymentId(step.getDeploymentId())
                .setUpdatedAt(latest(view.getUpdatedAt(), step.getOccurredAt()))
                .build();
    }

    private static TrackingView empty(TrackingStep step) {
        return TrackingView.newBuilder()
                .setTrackingId(step.getTrackingId())
                .setTenantId(step.getTenantId())
                .setBlueprintId(step.getBlueprintId())
                .setBlueprintVersion(step.getBlueprintVersion())
                .setStatus(TrackingStatus.SUBMITTED)
                .setDeploymentId(null)
                .setUpdatedAt(step.getOccurredAt())
                .setStages(List.of())
                .setChangedResources(List.of())
                .build();
    }

    /** The stage an event represents, or null for an event kind this view does not track. */
    private static Stage stageOf(SpecificRecord event, Envelope envelope) {
        Map<String, String> detail = new LinkedHashMap<>();
        return switch (event) {
            case BlueprintSubmitted submitted -> {
                detail.put("environment", submitted.getEnvironment().name());
                detail.put("approval", submitted.getApproval().name());
                detail.put("resources", String.valueOf(submitted.getResources().size()));
                yield stage(StageKind.SUBMITTED, TrackingStatus.SUBMITTED, envelope, detail);
            }
            case IacEvent iac -> {
                detail.put("cloud", iac.getCloud().name());
                yield switch (iac.getPayload()) {
                    case IacGenerated generated -> {
                        detail.put("contentHash", generated.getContentHash());
                        detail.put("files", String.valueOf(generated.getFiles().size()));
                        yield stage(StageKind.IAC, TrackingStatus.IAC_GENERATED, envelope, detail);
                    }
                    case IacGenerationFailed failed -> {
                        detail.put("reason", failed.getReason());
                        yield stage(StageKind.IAC, TrackingStatus.IAC_FAILED, envelope, detail);
                    }
                    default -> null;
                };
            }
            case GuardrailsEvaluated guardrails -> {
                detail.put("outcome", guardrails.getOutcome().name());
                detail.put("violations", String.valueOf(guardrails.getViolations().size()));
                TrackingStatus status = guardrails.getOutcome() == GuardrailOutcome.BLOCKED
                        ? TrackingStatus.GUARDRAILS_BLOCKED : TrackingStatus.GUARDRAILS_PASSED;
                yield stage(StageKind.GUARDRAILS, status, envelope, detail);
            }
            case CostEstimated cost -> {
                detail.put("totalMonthly", cost.getTotalMonthly().toPlainString());
                detail.put("currency", cost.getCurrency());
                detail.put("budgetStatus", cost.getBudgetStatus().name());
                if (cost.getBudget() != null) {
                    detail.put("budget", cost.getBudget().toPlainString());
                }
                yield stage(StageKind.COST, TrackingStatus.COST_ESTIMATED, envelope, detail);
            }
            case DeploymentEvent deployment -> deploymentStage(deployment, envelope, detail);
            default -> null;
        };
    }

    private static Stage deploymentStage(DeploymentEvent deployment, Envelope envelope, Map<String, String> detail) {
        detail.put("deploymentId", deployment.getDeploymentId());
        return switch (deployment.getPayload()) {
            case DeploymentRequested requested -> {
                detail.put("operation", requested.getOperation().name());
                yield stage(StageKind.DEPLOYMENT, TrackingStatus.REQUESTED, envelope, detail);
            }
            case DeploymentBlocked blocked -> {
                detail.put("reasons", String.join(",", blocked.getReasons().stream()
                        .map(reason -> reason.getKind().name()).distinct().toList()));
                List<String> policies = blocked.getReasons().stream().map(reason -> reason.getPolicyId())
                        .filter(Objects::nonNull).distinct().toList();
                if (!policies.isEmpty()) {
                    detail.put("policies", String.join(",", policies));
                }
                detail.put("messages", String.join("; ", blocked.getReasons().stream()
                        .map(reason -> reason.getMessage()).toList()));
                yield stage(StageKind.DECISION, TrackingStatus.BLOCKED, envelope, detail);
            }
            case DeploymentAwaitingApproval awaiting -> {
                detail.put("reason", awaiting.getReason());
                putIfPresent(detail, "estimatedMonthly", awaiting.getEstimatedMonthly());
                yield stage(StageKind.DECISION, TrackingStatus.AWAITING_APPROVAL, envelope, detail);
            }
            case DeploymentApproved approved -> {
                detail.put("approver", approved.getApprover());
                yield stage(StageKind.DECISION, TrackingStatus.APPROVED, envelope, detail);
            }
            case DeploymentRejected rejected -> {
                detail.put("approver", rejected.getApprover());
                yield stage(StageKind.DECISION, TrackingStatus.REJECTED, envelope, detail);
            }
            case DeploymentPlanning planning -> stage(StageKind.DEPLOYMENT, TrackingStatus.PLANNING, envelope, detail);
            case DeploymentPlanned planned -> {
                detail.put("toAdd", String.valueOf(planned.getToAdd()));
                detail.put("toChange", String.valueOf(planned.getToChange()));
                detail.put("toDestroy", String.valueOf(planned.getToDestroy()));
                yield stage(StageKind.DEPLOYMENT, TrackingStatus.PLANNED, envelope, detail);
            }
            case DeploymentApplying applying -> stage(StageKind.DEPLOYMENT, TrackingStatus.APPLYING, envelope, detail);
            case DeploymentSucceeded succeeded -> {
                detail.put("resourcesChanged", String.valueOf(succeeded.getResourcesChanged()));
                yield stage(StageKind.DEPLOYMENT, TrackingStatus.SUCCEEDED, envelope, detail);
            }
            case DeploymentFailed failed -> {
                detail.put("error", failed.getError());
                yield stage(StageKind.DEPLOYMENT, TrackingStatus.FAILED, envelope, detail);
            }
            case DeploymentDestroyed destroyed -> {
                detail.put("resourcesDestroyed", String.valueOf(destroyed.getResourcesDestroyed()));
                yield stage(StageKind.DEPLOYMENT, TrackingStatus.DESTROYED, envelope, detail);
            }
            default -> null;
        };
    }

    private static void putIfPresent(Map<String, String> detail, String name, BigDecimal amount) {
        if (amount != null) {
            detail.put(name, amount.toPlainString());
        }
    }

    private static Stage stage(StageKind kind, TrackingStatus status, Envelope envelope, Map<String, String> detail) {
        return Stage.newBuilder()
                .setKind(kind)
                .setStatus(status)
                .setOccurredAt(envelope.getOccurredAt())
                .setEventId(envelope.getEventId().toString())
                .setDetail(detail)
                .build();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
