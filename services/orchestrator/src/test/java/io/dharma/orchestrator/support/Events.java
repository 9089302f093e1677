package io.dharma.orchestrator.support;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.ResourceChanged;
import java.util.List;
import java.util.UUID;

/** Small readers over deployment events for assertions. */
public final class Events {

    private Events() {
    }

    /** Payload kinds in order, e.g. [DeploymentRequested, DeploymentApproved, ...]. */
    public static List<String> kinds(List<DeploymentEvent> events) {
        return events.stream().map(e -> e.getPayload().getClass().getSimpleName()).toList();
    }

    public static List<DeploymentEvent> ofDeployment(List<DeploymentEvent> events, String deploymentId) {
        return events.stream().filter(e -> e.getDeploymentId().equals(deploymentId)).toList();
    }

    public static List<String> kinds(List<DeploymentEvent> events, String deploymentId) {
        return kinds(ofDeployment(events, deploymentId));
    }

    @SuppressWarnings("unchecked")
    public static <T> List<T> payloads(List<DeploymentEvent> events, Class<T> kind) {
        return events.stream().map(DeploymentEvent::getPayload).filter(kind::isInstance).map(p -> (T) p).toList();
    }

    public static <T> T only(List<DeploymentEvent> events, Class<T> kind) {
        List<T> found = payloads(events, kind);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind.getSimpleName() + " but found " + found.size() + " in " + kinds(events));
        }
        return found.getFirst();
    }

    public static List<ResourceChanged> changes(List<DeploymentEvent> events) {
        return payloads(events, ResourceChanged.class);
    }

    public static List<UUID> eventIds(List<DeploymentEvent> events) {
        return events.stream().map(e -> e.getEnvelope().getEventId()).toList();
    }
}
