package io.dharma.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.testing.ExampleBlueprints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DesiredStatesTest {

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    @Test
    void resourcesComeAfterWhatTheyDependOnWithDefaultsFilledIn() {
        Blueprint blueprint = blueprint("""
                apiVersion: dharma/v1
                kind: Blueprint
                metadata: {name: ordering, environment: dev}
                spec:
                  cloud: aws
                  region: eu-west-1
                  approval: auto
                  resources:
                    - {name: web, type: compute.instance, properties: {image: debian-12, subnet: app}}
                    - {name: app, type: subnet, properties: {network: net, cidr: 10.1.1.0/24}}
                    - {name: files, type: storage.bucket, dependsOn: [web]}
                    - {name: net, type: network}
                """);

        DesiredState desired = DesiredStates.from(blueprint);

        assertThat(desired.resources()).extracting(DesiredResource::name).containsExactly("net", "app", "web", "files");
        DesiredResource web = desired.resources().get(2);
        assertThat(web.type()).isEqualTo("compute.instance");
        assertThat(web.dependsOn()).containsExactly("app");
        assertThat(web.attributes()).containsEntry("size", "small").containsEntry("count", 1L)
                .containsEntry("image", "debian-12").containsEntry("publicIp", false)
                .containsEntry("disk", Map.of("sizeGb", 30L, "type", "ssd"));
        assertThat(desired.resources().get(0).attributes()).isEqualTo(Map.of("cidr", "10.0.0.0/16"));
        assertThat(desired.resources().get(3).dependsOn()).containsExactly("web");
    }

    @Test
    void theStackIsTheBlueprintsCloudAndRegion() {
        Blueprint blueprint = example("gcp-kubernetes-service.yaml");

        Stack stack = DesiredStates.stackOf("team-a", "bp-1", blueprint);

        assertThat(stack).isEqualTo(new Stack("team-a", "bp-1", "payments-api", "gcp", "europe-west4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-web-app.yaml", "azure-data-platform.yaml", "gcp-kubernetes-service.yaml",
        "aws-prod-api.yaml", "insecure-demo.yaml"})
    void everyExampleMapsEveryResourceAfterItsDependencies(String example) {
        Blueprint blueprint = example(example);

        DesiredState desired = DesiredStates.from(blueprint);

        assertThat(desired.resources()).extracting(DesiredResource::name)
                .containsExactlyInAnyOrderElementsOf(blueprint.spec().resources().stream().map(r -> r.name()).toList());
        List<String> seen = new ArrayList<>();
        for (DesiredResource resource : desired.resources()) {
            assertThat(seen).as("dependencies of " + resource.name()).containsAll(resource.dependsOn());
            seen.add(resource.name());
        }
    }

    static Blueprint example(String file) {
        return ExampleBlueprints.blueprint(file);
    }

    static Blueprint blueprint(String yaml) {
        ValidationResult result = VALIDATOR.validate(yaml, DocumentFormat.YAML);
        assertThat(result.problems()).isEmpty();
        return ((ValidationResult.Valid) result).blueprint();
    }
}
