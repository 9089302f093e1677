package io.dharma.streams.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.ResourceState;

/**
 * What is deployed for a blueprint: each resource of its stack with the attributes its last change
 * applied, from the drift view (the one view holding the whole stack; a deployment's view holds
 * only what that deployment changed). The dry run diffs a blueprint against it (ADR 0026).
 */
public record DeployedResourcesResponse(String blueprintId, List<Resource> resources, Instant updatedAt) {

    /** @param deploymentId the deployment that last changed the resource */
    public record Resource(String address, String resourceName, String resourceType, String providerId,
            String deploymentId, Map<String, String> desired, Instant desiredAt) {

        static Resource of(ResourceState state) {
            return new Resource(state.getAddress(), state.getResourceName(), state.getResourceType(), state.getProviderId(),
                    state.getDeploymentId(), new TreeMap<>(state.getDesired()), state.getDesiredAt());
        }
    }

    static DeployedResourcesResponse of(DriftView view) {
        return new DeployedResourcesResponse(view.getBlueprintId(),
                view.getResources().values().stream().map(Resource::of)
                        .sorted(Comparator.comparing(Resource::address)).toList(),
                view.getUpdatedAt());
    }
}
