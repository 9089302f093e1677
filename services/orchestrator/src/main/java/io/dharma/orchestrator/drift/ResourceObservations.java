package io.dharma.orchestrator.drift;

import io.dharma.events.Envelopes;
import io.dharma.events.ResourceObserved;
import io.dharma.executor.ActualResource;
import io.dharma.orchestrator.state.AppliedChange;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.executor.ResourceAttributes;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns what the provider reported for a stack into one {@link ResourceObserved} per resource
 * Dharma deployed there (per address whose last applied change left it in place). Attributes are
 * stringified by {@link ResourceAttributes}, the same function that filled
 * {@code ResourceChanged.attributes}, so an untouched resource is observed with exactly the
 * strings its last change reported (see {@link #attributes}). Resources the provider has but
 * Dharma did not deploy are not reported: drift is measured against what Dharma deployed.
 */
final class ResourceObservations {

    private final Envelopes envelopes;

    ResourceObservations(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /**
     * @param deployed the stack's latest succeeded deployment (its version and tracking id)
     * @param deployedResources per address, the change that last created or updated the resource
     */
    List<ResourceObserved> of(Deployment deployed, Collection<AppliedChange> deployedResources,
            List<ActualResource> actual, Instant observedAt) {
        Map<String, ActualResource> actualByAddress = actual.stream()
                .collect(Collectors.toMap(ActualResource::address, Function.identity(), (first, second) -> first));
        return deployedResources.stream()
                .sorted(Comparator.comparing(AppliedChange::address))
                .map(resource -> observation(deployed, resource, actualByAddress.get(resource.address()), observedAt))
                .toList();
    }

    private ResourceObserved observation(Deployment deployed, AppliedChange resource, ActualResource actual,
            Instant observedAt) {
        return ResourceObserved.newBuilder()
                .setEnvelope(envelopes.originating(deployed.tenantId(), deployed.trackingId(), deployed.blueprintId(),
                        deployed.blueprintVersion()))
                .setDeploymentId(resource.deploymentId().toString())
                .setResourceName(resource.resourceName())
                .setResourceType(resource.resourceType())
                .setAddress(resource.address())
                .setProviderId(actual == null ? resource.providerId() : actual.providerId())
                .setExists(actual != null)
                .setAttributes(actual == null ? Map.of() : Map.copyOf(attributes(resource, actual)))
                .setObservedAt(observedAt)
                .build();
    }

    /**
     * The resource's attributes as observed. When the executor can tell which attributes drifted,
     * the others are taken as the last change reported them, so what the provider merely
     * recomputed since is not compared.
     */
    private static Map<String, String> attributes(AppliedChange resource, ActualResource actual) {
        Map<String, String> now = ResourceAttributes.of(actual);
        if (actual.driftedAttributes() == null || resource.attributes() == null) {
            return now;
        }
        Map<String, String> observed = new TreeMap<>(resource.attributes());
        for (String name : actual.driftedAttributes()) {
            if (now.containsKey(name)) {
                observed.put(name, now.get(name));
            } else {
                observed.remove(name);
            }
        }
        return observed;
    }
}
