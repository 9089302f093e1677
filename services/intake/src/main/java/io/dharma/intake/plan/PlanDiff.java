package io.dharma.intake.plan;

import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ResourceAddress;
import io.dharma.executor.ResourceAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The change summary of a dry run: a blueprint's desired state (the orchestrator's own mapping,
 * {@code DesiredStates}) against what is deployed for it (the streams application's view of the
 * stack). Resources are matched by blueprint resource name. A resource of another type is replaced.
 * Attributes are compared as events carry them ({@link ResourceAttributes}: the provider-neutral
 * ones, {@code provider.*} left out) when the deployed resource is addressed by its blueprint
 * resource ({@code <type>.<name>}, the sandbox); a resource deployed by Terraform is recorded with
 * Terraform's own attributes, so for it only presence and type are compared (ADR 0026). Pure.
 */
public final class PlanDiff {

    /** A resource as deployed: the streams application's {@code DeployedResources} entry. */
    public record DeployedResource(String address, String resourceName, String resourceType, Map<String, String> desired) {

        public DeployedResource {
            desired = Map.copyOf(desired);
        }
    }

    private PlanDiff() {
    }

    /**
     * @param desired           the blueprint's desired state
     * @param generatedAddresses the Terraform addresses of each blueprint resource (empty when generation failed)
     * @param deployed          what is deployed (empty when nothing is)
     */
    public static ChangeSummary diff(DesiredState desired, Map<String, List<String>> generatedAddresses,
            List<DeployedResource> deployed) {
        Map<String, List<DeployedResource>> deployedByName = new LinkedHashMap<>();
        deployed.forEach(resource -> deployedByName.computeIfAbsent(resource.resourceName(), name -> new ArrayList<>())
                .add(resource));
        List<ChangeSummary.ResourceAction> actions = new ArrayList<>();
        for (DesiredResource resource : desired.resources()) {
            List<String> addresses = generatedAddresses.getOrDefault(resource.name(), List.of());
            List<DeployedResource> current = deployedByName.remove(resource.name());
            actions.add(action(resource, addresses, current == null ? List.of() : current));
        }
        new TreeMap<>(deployedByName).forEach((name, gone) -> actions.add(new ChangeSummary.ResourceAction(name,
                gone.getFirst().resourceType(), ChangeSummary.Action.DELETE,
                gone.stream().map(DeployedResource::address).sorted().toList(), List.of())));
        return ChangeSummary.of(actions);
    }

    private static ChangeSummary.ResourceAction action(DesiredResource resource, List<String> addresses,
            List<DeployedResource> current) {
        if (current.isEmpty()) {
            return new ChangeSummary.ResourceAction(resource.name(), resource.type(), ChangeSummary.Action.CREATE, addresses,
                    List.of());
        }
        if (current.stream().anyMatch(deployed -> !deployed.resourceType().equals(resource.type()))) {
            return new ChangeSummary.ResourceAction(resource.name(), resource.type(), ChangeSummary.Action.REPLACE, addresses,
                    List.of(new ChangeSummary.AttributeChange("type", current.getFirst().resourceType(), resource.type())));
        }
        String neutralAddress = ResourceAddress.of(resource.type(), resource.name());
        List<ChangeSummary.AttributeChange> changes = current.stream()
                .filter(deployed -> deployed.address().equals(neutralAddress))
                .findFirst()
                .map(deployed -> changes(deployed.desired(), ResourceAttributes.of(resource)))
                .orElse(List.of());
        return new ChangeSummary.ResourceAction(resource.name(), resource.type(),
                changes.isEmpty() ? ChangeSummary.Action.NO_OP : ChangeSummary.Action.UPDATE, addresses, changes);
    }

    private static List<ChangeSummary.AttributeChange> changes(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> names = new TreeSet<>(after.keySet());
        before.keySet().stream().filter(name -> !name.startsWith(ResourceAttributes.PROVIDER_PREFIX)).forEach(names::add);
        List<ChangeSummary.AttributeChange> changes = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changes.add(new ChangeSummary.AttributeChange(name, before.get(name), after.get(name)));
            }
        }
        return changes;
    }
}
