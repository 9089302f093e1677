package io.dharma.streams;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
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
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.streams.views.DeploymentDetails;
import io.dharma.streams.views.DeploymentStatus;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.ObservedResource;
import io.dharma.streams.views.PlanSummary;
import io.dharma.streams.views.ResourceView;
import io.dharma.streams.views.StatusChange;

/**
 * Pure fold of one {@link DeploymentEvent} or routed {@link ObservedResource} into a
 * {@link DeploymentView}. Idempotent by construction: a status change already in the history
 * (same eventId) is ignored, a resource keeps only its latest change (by occurredAt) and its
 * latest observation (by observedAt), so redelivery or reordering never double counts.
 */
final class DeploymentFold {

    /**
     * By occurredAt; on a tie, in the order the changes arrived (the orchestrator publishes them in
     * order on the blueprint's partition; {@code List.sort} is stable). No order of statuses fits
     * every path: PLANNED precedes AWAITING_APPROVAL when approval is required, follows APPROVED otherwise.
     */
    private static final Comparator<StatusChange> HISTORY_ORDER = Comparator.comparing(StatusChange::getOccurredAt);

    private DeploymentFold() {
    }

    static DeploymentView apply(DeploymentView current, DeploymentEvent event) {
        Envelope envelope = event.getEnvelope();
        DeploymentView view = current != null ? current : empty(event);
        if (event.getPayload() instanceof ResourceChanged changed) {
            return withResource(current, view, envelope, changed);
        }
        DeploymentStatus status = statusOf(event.getPayload());
        String eventId = envelope.getEventId().toString();
        if (status == null || view.getHistory().stream().anyMatch(change -> change.getEventId().equals(eventId))) {
            return current;
        }
        List<StatusChange> history = new ArrayList<>(view.getHistory());
        history.add(change(status, envelope, event.getPayload()));
        history.sort(HISTORY_ORDER);
        DeploymentView.Builder updated = DeploymentView.newBuilder(view)
                .setHistory(history)
                .setStatus(history.getLast().getStatus())
                .setDetails(details(history))
                .setUpdatedAt(envelope.getOccurredAt().isAfter(view.getUpdatedAt())
                        ? envelope.getOccurredAt() : view.getUpdatedAt());
        switch (event.getPayload()) {
            case DeploymentRequested requested -> updated.setOperation(requested.getOperation().name());
            case DeploymentPlanned planned -> updated.setPlan(
                    new PlanSummary(planned.getToAdd(), planned.getToChange(), planned.getToDestroy()));
            default -> { }
        }
        return updated.build();
    }

    /** The status change an event makes, with what its payload says about the deployment. */
    private static StatusChange change(DeploymentStatus status, Envelope envelope, Object payload) {
        StatusChange.Builder change = StatusChange.newBuilder()
                .setStatus(status)
                .setOccurredAt(envelope.getOccurredAt())
                .setEventId(envelope.getEventId().toString());
        switch (payload) {
            case DeploymentRequested requested -> change.setBy(requested.getRequestedBy())
                    .setExecutor(requested.getExecutor());
            case DeploymentBlocked blocked -> change.setReason(reasonOf(blocked));
            case DeploymentAwaitingApproval awaiting -> change.setReason(awaiting.getReason());
            case DeploymentApproved approved -> change.setBy(approved.getApprover()).setComment(approved.getComment());
            case DeploymentRejected rejected -> change.setBy(rejected.getApprover()).setComment(rejected.getComment());
            case DeploymentPlanning planning -> change.setAttempt(planning.getAttempt());
            case DeploymentApplying applying -> change.setAttempt(applying.getAttempt());
            case DeploymentSucceeded succeeded -> change.setResourcesChanged(succeeded.getResourcesChanged());
            case DeploymentDestroyed destroyed -> change.setResourcesChanged(destroyed.getResourcesDestroyed());
            case DeploymentFailed failed -> change.setAttempt(failed.getAttempts())
                    .setFailedResource(failed.getFailedResource()).setError(failed.getError());
            default -> { }
        }
        return change.build();
    }

    /**
     * Every reason as the orchestrator words its status reason: {@code KIND: message}, joined by
     * "; ", except a superseded deployment's one reason, whose message already says so.
     */
    private static String reasonOf(DeploymentBlocked blocked) {
        List<BlockReason> reasons = blocked.getReasons();
        if (reasons.size() == 1 && reasons.getFirst().getKind() == BlockReasonKind.SUPERSEDED) {
            return reasons.getFirst().getMessage();
        }
        return reasons.stream().map(reason -> reason.getKind() + ": " + reason.getMessage())
                .collect(Collectors.joining("; "));
    }

    /**
     * What the history says now, replayed in its order, so a late event lands where it belongs: each
     * Requested (the first, then one per retry) starts an attempt, names its requester and clears
     * the last attempt's failure; awaiting approval clears an earlier decision (a plan made for an
     * approver is decided anew); approving keeps the reason approval was needed.
     */
    static DeploymentDetails details(List<StatusChange> history) {
        DeploymentDetails.Builder details = DeploymentDetails.newBuilder();
        int requests = 0;
        for (StatusChange change : history) {
            switch (change.getStatus()) {
                case REQUESTED -> {
                    requests++;
                    details.setAttempt(Math.max(details.getAttempt(), requests))
                            .setRequestedBy(change.getBy())
                            .setExecutor(change.getExecutor() != null ? change.getExecutor() : details.getExecutor());
                    if (requests > 1) {
                        details.setFailedResource(null).setError(null).setResourcesChanged(null);
                    }
                }
                case BLOCKED -> details.setStatusReason(change.getReason());
                case AWAITING_APPROVAL -> details.setStatusReason(change.getReason())
                        .setDecidedBy(null).setDecisionComment(null);
                case APPROVED, REJECTED -> details.setDecidedBy(change.getBy()).setDecisionComment(change.getComment());
                case SUCCEEDED, DESTROYED -> details.setResourcesChanged(change.getResourcesChanged());
                case FAILED -> details.setFailedResource(change.getFailedResource()).setError(change.getError());
                default -> { }
            }
            if (change.getAttempt() != null) {
                details.setAttempt(Math.max(details.getAttempt(), change.getAttempt()));
            }
        }
        return details.build();
    }

    private static DeploymentView withResource(DeploymentView current, DeploymentView view, Envelope envelope,
                                               ResourceChanged changed) {
        String address = Resources.addressOf(changed);
        ResourceView known = view.getResources().get(address);
        if (known != null && known.getChangedAt().isAfter(envelope.getOccurredAt())) {
            return current;
        }
        // A change keeps the last observation (it is history), but the drift it showed is gone;
        // a failed change leaves desired state and drift as they were.
        boolean failed = changed.getAction() == ResourceChangeAction.FAILED && known != null;
        ResourceView resource = (known != null ? ResourceView.newBuilder(known) : ResourceView.newBuilder())
                .setAddress(address)
                .setResourceName(changed.getResourceName())
                .setResourceType(changed.getResourceType())
                .setLastAction(changed.getAction().name())
                .setProviderId(changed.getProviderId() != null ? changed.getProviderId()
                        : known != null ? known.getProviderId() : null)
                .setChangedAt(envelope.getOccurredAt())
                .setEventId(envelope.getEventId().toString())
                .setDesired(failed ? known.getDesired() : changed.getAttributes())
                .setDrifted(failed && known.getDrifted())
                .build();
        return withResource(current, view, resource);
    }

    /**
     * Applies an accepted observation (routed here by the drift processor) to the resource it
     * names. Ignored when the resource is unknown to this deployment or the observation is not
     * newer than the last one applied.
     */
    static DeploymentView apply(DeploymentView current, ObservedResource observation) {
        if (current == null) {
            return null;
        }
        ResourceView known = current.getResources().get(observation.getAddress());
        if (known == null
                || known.getObservedAt() != null && !observation.getObservedAt().isAfter(known.getObservedAt())) {
            return current;
        }
        ResourceView resource = ResourceView.newBuilder(known)
                .setObserved(observation.getObserved())
                .setObservedAt(observation.getObservedAt())
                .setExists(observation.getExists())
                .setDrifted(observation.getDrifted())
                .build();
        return withResource(current, current, resource);
    }

    private static DeploymentView withResource(DeploymentView current, DeploymentView view, ResourceView resource) {
        if (resource.equals(view.getResources().get(resource.getAddress()))) {
            return current;
        }
        Map<String, ResourceView> resources = new HashMap<>(view.getResources());
        resources.put(resource.getAddress(), resource);
        return DeploymentView.newBuilder(view).setResources(resources).build();
    }

    private static DeploymentView empty(DeploymentEvent event) {
        Envelope envelope = event.getEnvelope();
        return DeploymentView.newBuilder()
                .setDeploymentId(event.getDeploymentId())
                .setTenantId(envelope.getTenantId())
                .setTrackingId(envelope.getTrackingId())
                .setBlueprintId(envelope.getBlueprintId())
                .setBlueprintVersion(envelope.getBlueprintVersion())
                .setOperation(null)
                .setStatus(DeploymentStatus.REQUESTED)
                .setPlan(null)
                .setResources(Map.of())
                .setHistory(List.of())
                .setDetails(null)
                .setUpdatedAt(envelope.getOccurredAt())
                .build();
    }

    /** The status a payload moves the deployment to, or null for a kind this view ignores. */
    private static DeploymentStatus statusOf(Object payload) {
        return switch (payload) {
            case DeploymentRequested ignored -> DeploymentStatus.REQUESTED;
            case DeploymentBlocked ignored -> DeploymentStatus.BLOCKED;
            case DeploymentAwaitingApproval ignored -> DeploymentStatus.AWAITING_APPROVAL;
            case DeploymentApproved ignored -> DeploymentStatus.APPROVED;
            case DeploymentRejected ignored -> DeploymentStatus.REJECTED;
            case DeploymentPlanning ignored -> DeploymentStatus.PLANNING;
            case DeploymentPlanned ignored -> DeploymentStatus.PLANNED;
            case DeploymentApplying ignored -> DeploymentStatus.APPLYING;
            case DeploymentSucceeded ignored -> DeploymentStatus.SUCCEEDED;
            case DeploymentFailed ignored -> DeploymentStatus.FAILED;
            case DeploymentDestroyed ignored -> DeploymentStatus.DESTROYED;
            default -> null;
        };
    }
}
