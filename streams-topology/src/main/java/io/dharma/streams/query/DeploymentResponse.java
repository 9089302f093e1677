package io.dharma.streams.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.PlanSummary;
import io.dharma.streams.views.ResourceView;
import io.dharma.streams.views.StatusChange;

/** A deployment: status, plan summary, each resource it changed and its status history. */
public record DeploymentResponse(String deploymentId, String blueprintId, int blueprintVersion, String trackingId,
        String operation, String status, Plan plan, List<Resource> resources, List<HistoryEntry> history,
        Instant updatedAt) {

    public record Plan(int toAdd, int toChange, int toDestroy) {
    }

    /**
     * A resource the deployment changed: the desired attributes it applied and, once the drift
     * observer has looked, what the provider has ({@code observed} null before that or when gone).
     */
    public record Resource(String address, String resourceName, String resourceType, String lastAction,
            String providerId, Instant changedAt, Map<String, String> desired, Map<String, String> observed,
            Instant observedAt, boolean exists, boolean drifted) {

        static Resource of(ResourceView view) {
            return new Resource(view.getAddress(), view.getResourceName(), view.getResourceType(),
                    view.getLastAction(), view.getProviderId(), view.getChangedAt(), new TreeMap<>(view.getDesired()),
                    view.getObserved() == null ? null : new TreeMap<>(view.getObserved()), view.getObservedAt(),
                    view.getExists(), view.getDrifted());
        }
    }

    public record HistoryEntry(String status, Instant occurredAt) {

        static HistoryEntry of(StatusChange change) {
            return new HistoryEntry(change.getStatus().name(), change.getOccurredAt());
        }
    }

    static DeploymentResponse of(DeploymentView view) {
        PlanSummary plan = view.getPlan();
        return new DeploymentResponse(view.getDeploymentId(), view.getBlueprintId(), view.getBlueprintVersion(),
                view.getTrackingId(), view.getOperation(), view.getStatus().name(),
                plan == null ? null : new Plan(plan.getToAdd(), plan.getToChange(), plan.getToDestroy()),
                view.getResources().values().stream().map(Resource::of)
                        .sorted(Comparator.comparing(Resource::resourceName)).toList(),
                view.getHistory().stream().map(HistoryEntry::of).toList(),
                view.getUpdatedAt());
    }
}
