package io.dharma.blueprint.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void topologicalOrderPutsDependenciesFirstAndOtherwiseKeepsDocumentOrder() {
        DependencyGraph graph = new DependencyGraph(List.of("dns", "lb", "web", "net", "bucket"), Map.of(
                "dns", List.of("lb"),
                "lb", List.of("web", "net"),
                "web", List.of("net")));

        assertThat(graph.topologicalOrder()).containsExactly("net", "web", "lb", "dns", "bucket");
        assertThat(graph.cycles()).isEmpty();
    }

    @Test
    void cyclesAreNamedFromTheirEarliestMemberAlongTheShortestPath() {
        DependencyGraph graph = new DependencyGraph(List.of("x", "a", "b", "c", "d", "self"), Map.of(
                "c", List.of("a"),
                "a", List.of("b", "d"),
                "b", List.of("c"),
                "d", List.of("a"),
                "self", List.of("self")));

        assertThat(graph.cycles()).containsExactly(List.of("a", "d", "a"), List.of("self", "self"));
        assertThat(graph.hasCycles()).isTrue();
        assertThatThrownBy(graph::topologicalOrder).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dependenciesToUnknownNodesAreIgnored() {
        DependencyGraph graph = new DependencyGraph(List.of("a"), Map.of("a", List.of("ghost")));

        assertThat(graph.dependenciesOf("a")).isEmpty();
        assertThat(graph.topologicalOrder()).containsExactly("a");
    }

    @Test
    void aBlueprintsGraphCombinesDependsOnAndReferences() throws Exception {
        ValidationResult result = new BlueprintValidator().validate(
                Files.readAllBytes(Path.of("../../examples/aws-web-app.yaml")), DocumentFormat.YAML);
        Blueprint blueprint = ((ValidationResult.Valid) result).blueprint();

        DependencyGraph graph = DependencyGraph.of(blueprint, ResourceCatalogue.v1());

        assertThat(graph.dependenciesOf("web-lb")).containsExactly("public-a", "public-b", "web");
        assertThat(graph.dependenciesOf("www")).containsExactly("web-lb");
        List<String> order = graph.topologicalOrder();
        assertThat(order.indexOf("main")).isZero();
        assertThat(order.indexOf("web")).isLessThan(order.indexOf("web-lb"));
        assertThat(order.indexOf("web-lb")).isLessThan(order.indexOf("www"));
    }
}
