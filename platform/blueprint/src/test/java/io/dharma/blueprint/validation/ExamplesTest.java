package io.dharma.blueprint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Approval;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The blueprints in the repository's examples/ folder, exactly as a user would submit them. */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("../../examples");
    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();
    private static final ResourceCatalogue CATALOGUE = ResourceCatalogue.v1();

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(file -> file.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleIsAValidBlueprint(Path example) throws IOException {
        ValidationResult result = VALIDATOR.validate(Files.readAllBytes(example), DocumentFormat.YAML);

        assertThat(result.problems()).as(example.toString()).isEmpty();
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void theFourRequiredExamplesExist() throws IOException {
        assertThat(examples().map(path -> path.getFileName().toString())).contains(
                "aws-web-app.yaml", "azure-data-platform.yaml", "gcp-kubernetes-service.yaml", "insecure-demo.yaml");
    }

    @Test
    void awsWebAppIsATaggedDevWebApplication() throws IOException {
        Blueprint blueprint = valid("aws-web-app.yaml");

        assertThat(blueprint.spec().cloud()).isEqualTo(Cloud.AWS);
        assertThat(blueprint.metadata().environment()).isEqualTo(Environment.DEV);
        assertThat(blueprint.spec().approval()).isEqualTo(Approval.AUTO);
        assertThat(blueprint.metadata().tags()).containsKeys("owner", "cost-center");
        assertThat(blueprint.spec().budget()).isPresent();
        assertThat(types(blueprint)).contains("network", "subnet", "firewall", "compute.instance", "loadbalancer",
                "database.postgres", "storage.bucket", "cache.redis", "dns.record");
        assertThat(blueprint.spec().resource("web").orElseThrow().properties()).containsEntry("count", 2L);
    }

    @Test
    void azureDataPlatformIsNotDev() throws IOException {
        Blueprint blueprint = valid("azure-data-platform.yaml");

        assertThat(blueprint.spec().cloud()).isEqualTo(Cloud.AZURE);
        assertThat(blueprint.metadata().environment()).isIn(Environment.STAGING, Environment.PROD);
        assertThat(types(blueprint)).contains("database.postgres", "database.mysql", "storage.bucket", "compute.instance");
    }

    @Test
    void gcpKubernetesServiceRunsAClusterOnGcp() throws IOException {
        Blueprint blueprint = valid("gcp-kubernetes-service.yaml");

        assertThat(blueprint.spec().cloud()).isEqualTo(Cloud.GCP);
        assertThat(types(blueprint)).contains("kubernetes.cluster", "network", "cache.redis", "storage.bucket", "dns.record");
    }

    /** Structurally valid, yet made to fail the guardrails: these are the properties they look at. */
    @Test
    void insecureDemoCarriesTheViolationsOnPurpose() throws IOException {
        Blueprint blueprint = valid("insecure-demo.yaml");

        assertThat(blueprint.metadata().tags()).doesNotContainKeys("owner", "cost-center");
        assertThat(effective(blueprint, "public-files")).containsEntry("publicAccess", true);
        assertThat(effective(blueprint, "legacy-db")).containsEntry("encrypted", false);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ingress = (List<Map<String, Object>>) effective(blueprint, "wide-open").get("ingress");
        assertThat(ingress).anySatisfy(rule -> {
            assertThat(rule.get("ports")).isEqualTo(List.of(22L));
            assertThat(rule.get("cidrs")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("0.0.0.0/0");
        });
    }

    private static Blueprint valid(String file) throws IOException {
        ValidationResult result = VALIDATOR.validate(Files.readAllBytes(EXAMPLES.resolve(file)), DocumentFormat.YAML);
        assertThat(result.problems()).isEmpty();
        return ((ValidationResult.Valid) result).blueprint();
    }

    private static List<String> types(Blueprint blueprint) {
        return blueprint.spec().resources().stream().map(ResourceSpec::type).distinct().toList();
    }

    private static Map<String, Object> effective(Blueprint blueprint, String resource) {
        return CATALOGUE.withDefaults(blueprint.spec().resource(resource).orElseThrow());
    }
}
