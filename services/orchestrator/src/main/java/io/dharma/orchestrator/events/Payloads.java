package io.dharma.orchestrator.events;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.DeploymentApplying;
import io.dharma.events.DeploymentApproved;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentDestroyed;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentOperation;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.DeploymentPlanning;
import io.dharma.events.DeploymentRejected;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.PlanAction;
import io.dharma.events.PlannedAction;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.ResourceAddress;
import io.dharma.orchestrator.decision.Decision;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The payloads of {@code DeploymentEvent}, one factory method per kind. */
public final class Payloads {

    /** Block reason message prefix of a deployment ended because something newer came first. */
    public static final String SUPERSEDED_PREFIX = "superseded: ";

    private Payloads() {
    }

    /** @param iacContentHash the configuration to deploy; empty when none was generated (blocked, superseded, destroy) */
    public static DeploymentRequested requested(DeploymentOperation operation, String iacContentHash, String executor,
            String requestedBy) {
        return DeploymentRequested.newBuilder()
                .setOperation(operation)
                .setIacContentHash(iacContentHash == null ? "" : iacContentHash)
                .setExecutor(executor)
                .setRequestedBy(requestedBy)
                .build();
    }

    public static DeploymentBlocked blocked(List<Decision.Reason> reasons) {
        return DeploymentBlocked.newBuilder()
                .setReasons(reasons.stream().map(reason -> BlockReason.newBuilder()
                        .setKind(reason.kind())
                        .setMessage(reason.message())
                        .setPolicyId(reason.policyId())
                        .build()).toList())
                .build();
    }

    /**
     * A deployment ended before it ran because a newer version or a destroy came first: a
     * {@code DeploymentBlocked} whose one reason has kind SUPERSEDED (read as OTHER by readers of
     * an older schema) and a message for people, starting with {@value #SUPERSEDED_PREFIX}.
     */
    public static DeploymentBlocked superseded(String why) {
        return blocked(List.of(new Decision.Reason(BlockReasonKind.SUPERSEDED, SUPERSEDED_PREFIX + why, null)));
    }

    public static DeploymentAwaitingApproval awaitingApproval(Decision.AwaitingApproval decision) {
        return DeploymentAwaitingApproval.newBuilder()
                .setReason(decision.reason())
                .setEstimatedMonthly(decision.estimatedMonthly() == null ? null : amount(decision.estimatedMonthly()))
                .setCurrency(decision.currency())
                .setWarningCount(decision.warningCount())
                .build();
    }

    public static DeploymentApproved approved(String approver, String comment) {
        return DeploymentApproved.newBuilder().setApprover(approver).setComment(comment).build();
    }

    public static DeploymentRejected rejected(String approver, String comment) {
        return DeploymentRejected.newBuilder().setApprover(approver).setComment(comment).build();
    }

    public static DeploymentPlanning planning(int attempt) {
        return DeploymentPlanning.newBuilder().setAttempt(attempt).build();
    }

    /**
     * The plan summary; one action per address, so a resource deleted and created again (a
     * replacement: Terraform's, or the sandbox's for a new type, cloud or region) is one REPLACE
     * action, while the counts take it as one to destroy and one to add.
     */
    public static DeploymentPlanned planned(Plan plan) {
        Map<String, PlannedAction> actions = new LinkedHashMap<>();
        for (PlannedChange change : plan.changes()) {
            // The sandbox replaces a resource of a new type as a delete of <old type>.<name> and a
            // create of <new type>.<name>: one resource, one REPLACE.
            boolean addressedByName = change.address().equals(ResourceAddress.of(change.type(), change.resourceName()));
            String key = addressedByName ? "resource:" + change.resourceName() : change.address();
            PlannedAction earlier = actions.get(key);
            boolean replaced = earlier != null && earlier.getAction() == PlanAction.DELETE
                    && change.action() == ChangeAction.CREATE;
            actions.put(key, PlannedAction.newBuilder()
                    .setResourceName(change.resourceName())
                    .setResourceType(change.type())
                    .setAddress(change.address())
                    .setAction(replaced ? PlanAction.REPLACE : planAction(change.action()))
                    .build());
        }
        return DeploymentPlanned.newBuilder()
                .setToAdd((int) plan.toAdd())
                .setToChange((int) plan.toChange())
                .setToDestroy((int) plan.toDestroy())
                .setActions(List.copyOf(actions.values()))
                .build();
    }

    public static DeploymentApplying applying(int attempt) {
        return DeploymentApplying.newBuilder().setAttempt(attempt).build();
    }

    /** A replacement is reported as CREATED: the resource that now exists is a new one. */
    public static ResourceChanged changed(String address, String resourceName, String resourceType, ChangeAction action,
            String providerId, Map<String, String> attributes) {
        return ResourceChanged.newBuilder()
                .setResourceName(resourceName)
                .setResourceType(resourceType)
                .setAddress(address)
                .setAction(switch (action) {
                    case CREATE, REPLACE -> ResourceChangeAction.CREATED;
                    case UPDATE -> ResourceChangeAction.UPDATED;
                    case DELETE -> ResourceChangeAction.DELETED;
                })
                .setProviderId(providerId)
                .setAttributes(attributes)
                .setError(null)
                .build();
    }

    public static ResourceChanged changeFailed(String address, String resourceName, String resourceType, String error) {
        return ResourceChanged.newBuilder()
                .setResourceName(resourceName)
                .setResourceType(resourceType)
                .setAddress(address)
                .setAction(ResourceChangeAction.FAILED)
                .setProviderId(null)
                .setAttributes(Map.of())
                .setError(error)
                .build();
    }

    /** @param outputs the stack's outputs, sensitive ones already left out by the executor */
    public static DeploymentSucceeded succeeded(int resourcesChanged, Map<String, String> outputs) {
        return DeploymentSucceeded.newBuilder().setResourcesChanged(resourcesChanged).setOutputs(outputs).build();
    }

    public static DeploymentFailed failed(String failedResource, String error, int attempts) {
        return DeploymentFailed.newBuilder().setFailedResource(failedResource).setError(error).setAttempts(attempts).build();
    }

    public static DeploymentDestroyed destroyed(int resourcesDestroyed) {
        return DeploymentDestroyed.newBuilder().setResourcesDestroyed(resourcesDestroyed).build();
    }

    private static PlanAction planAction(ChangeAction action) {
        return switch (action) {
            case CREATE -> PlanAction.CREATE;
            case UPDATE -> PlanAction.UPDATE;
            case REPLACE -> PlanAction.REPLACE;
            case DELETE -> PlanAction.DELETE;
        };
    }

    /** The schema's amounts are decimal(20,4); round explicitly (ADR 0004). */
    private static BigDecimal amount(BigDecimal value) {
        return value.setScale(4, RoundingMode.HALF_EVEN);
    }
}
