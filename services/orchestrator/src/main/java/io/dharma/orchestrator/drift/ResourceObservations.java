package io.dharma.orchestrator.drift;

import io.dharma.events.Envelopes;
import io.dharma.events.ResourceObserved;
import io.dharma.executor.ActualResource;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.orchestrator.state.AppliedChange;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.worker.ResourceAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the provider reported for a stack into one {@link ResourceObserved} per resource of
 * the deployed desired state. Attributes are stringified by {@link ResourceAttributes}, the same
 * function that filled {@code ResourceChanged.attributes}, so an untouched resource is observed
 * with exactly the strings its last change reported. Resources the provider has but the blueprint
 * does not are not reported: drift is measured against what Dharma deployed.
 */
final class ResourceObservations {

    private final Envelopes envelopes;

    ResourceObservations(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /**
     * @param deployed the stack's latest succeeded deployment (its version, tracking id, and the
     *        deploymentId of resources whose last change is unknown)
     * @param lastChanges per resource name, the deployment that last created or updated it
     */
    List<ResourceObserved> of(Deployment deployed, DesiredState desired, List<ActualResource> actual,
            Map<String, AppliedChange> lastChanges, Instant observedAt) {
        Map<String, ActualResource> actualByName = actual.stream()
                .collect(Collectors.toMap(ActualResource::name, Function.identity(), (first, second) -> first));
        return desired.resources().stream()
                .map(resource -> observation(deployed, resource, actualByName.get(resource.name()),
                        lastChanges.get(resource.name()), observedAt))
                .toList();
    }

    private ResourceObserved observation(Deployment deployed, DesiredResource resource, ActualResource actual,
            AppliedChange lastChange, Instant observedAt) {
        String deploymentId = (lastChange == null ? deployed.deploymentId() : lastChange.deploymentId()).toString();
        String knownProviderId = lastChange == null ? null : lastChange.providerId();
        return ResourceObserved.newBuilder()
                .setEnvelope(envelopes.originating(deployed.tenantId(), deployed.trackingId(), deployed.blueprintId(),
                        deployed.blueprintVersion()))
                .setDeploymentId(deploymentId)
                .setResourceName(resource.name())
                .setResourceType(resource.type())
                .setProviderId(actual == null ? knownProviderId : actual.providerId())
                .setExists(actual != null)
                .setAttributes(actual == null ? Map.of() : Map.copyOf(ResourceAttributes.of(actual)))
                .setObservedAt(observedAt)
                .build();
    }
}
