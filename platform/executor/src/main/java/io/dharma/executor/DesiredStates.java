package io.dharma.executor;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.graph.DependencyGraph;
import java.util.List;
import java.util.Objects;

/**
 * The one mapping from a blueprint to what an executor deploys, shared by the orchestrator and
 * the executors' tests so both agree on it:
 * <ul>
 *   <li>one {@link DesiredResource} per blueprint resource, in creation order (everything after
 *       what it depends on; ties in document order);</li>
 *   <li>its attributes are the resource's properties with the catalogue's defaults filled in, so
 *       a blueprint that leaves a default out and one that spells it out deploy the same thing;</li>
 *   <li>its {@code dependsOn} is the explicit {@code dependsOn} plus every resource its reference
 *       properties name ({@code subnet.network}, {@code loadbalancer.targets}, ...).</li>
 * </ul>
 * Blueprint tags are not attributes: a tag change alone does not change the desired state.
 */
public final class DesiredStates {

    private DesiredStates() {
    }

    /** The desired state of a (validated) blueprint, with catalogue v1. */
    public static DesiredState from(Blueprint blueprint) {
        return from(blueprint, ResourceCatalogue.v1());
    }

    public static DesiredState from(Blueprint blueprint, ResourceCatalogue catalogue) {
        Objects.requireNonNull(blueprint, "blueprint");
        DependencyGraph graph = DependencyGraph.of(blueprint, catalogue);
        List<DesiredResource> resources = graph.topologicalOrder().stream()
                .map(name -> blueprint.spec().resource(name).orElseThrow())
                .map(resource -> desired(resource, graph, catalogue))
                .toList();
        return new DesiredState(resources);
    }

    /** The stack a blueprint deploys into: ids come from intake, cloud and region from the blueprint. */
    public static Stack stackOf(String tenantId, String blueprintId, Blueprint blueprint) {
        return new Stack(tenantId, blueprintId, blueprint.name(), blueprint.spec().cloud().id(),
                blueprint.spec().region());
    }

    private static DesiredResource desired(ResourceSpec resource, DependencyGraph graph, ResourceCatalogue catalogue) {
        return new DesiredResource(resource.name(), resource.type(), catalogue.withDefaults(resource),
                List.copyOf(graph.dependenciesOf(resource.name())));
    }
}
