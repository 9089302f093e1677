package io.dharma.streams.query;

import java.time.Instant;
import java.util.List;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.PlannedAction;

/** The plan of a deployment (its last, when it was planned again on a retry): counts and one action per resource. */
public record PlanResponse(String deploymentId, String blueprintId, int version, int toAdd, int toChange,
        int toDestroy, List<Action> actions, Instant plannedAt, String eventId) {

    public record Action(String resourceName, String resourceType, String address, String action) {
    }

    static PlanResponse of(DeploymentEvent event) {
        DeploymentPlanned planned = (DeploymentPlanned) event.getPayload();
        return new PlanResponse(event.getDeploymentId(), event.getEnvelope().getBlueprintId(),
                event.getEnvelope().getBlueprintVersion(), planned.getToAdd(), planned.getToChange(),
                planned.getToDestroy(),
                planned.getActions().stream()
                        .map((PlannedAction action) -> new Action(action.getResourceName(), action.getResourceType(),
                                action.getAddress(), action.getAction().name()))
                        .toList(),
                event.getEnvelope().getOccurredAt(), String.valueOf(event.getEnvelope().getEventId()));
    }
}
