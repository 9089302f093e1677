package io.dharma.orchestrator.worker;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.graph.DependencyGraph;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import java.util.List;

/**
 * Blueprint to desired state: one resource per blueprint resource in creation order, attributes
 * with the catalogue defaults filled in, dependsOn = explicit dependsOn plus references.
 * TODO replace with io.dharma.executor.DesiredStates.from (the shared mapping the sandbox work
 * adds to platform/executor) once it is on main; this follows the same rules.
 */
final class DesiredStateMapping {

    private DesiredStateMapping() {
    }

    static DesiredState from(Blueprint blueprint) {
        ResourceCatalogue catalogue = ResourceCatalogue.v1();
        DependencyGraph graph = DependencyGraph.of(blueprint, catalogue);
        return new DesiredState(graph.topologicalOrder().stream()
                .map(name -> blueprint.spec().resource(name).orElseThrow())
                .map(resource -> desired(resource, graph, catalogue))
                .toList());
    }

    private static DesiredResource desired(ResourceSpec resource, DependencyGraph graph, ResourceCatalogue catalogue) {
        return new DesiredResource(resource.name(), resource.type(), catalogue.withDefaults(resource),
                List.copyOf(graph.dependenciesOf(resource.name())));
    }
}
