package io.dharma.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Properties every generated configuration must have, whatever the blueprint. */
class GeneratedContentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TerraformGenerator GENERATOR = new TerraformGenerator();

    @ParameterizedTest
    @EnumSource(Cloud.class)
    void everyCatalogueTypeHasAMappingOnEveryCloud(Cloud cloud) {
        assertThat(GENERATOR.mapping(cloud).supportedTypes())
                .containsExactlyInAnyOrderElementsOf(ResourceCatalogue.v1().typeNames());
    }

    @Test
    void everyCatalogueTypeHasAFocusedGoldenCase() {
        List<String> cases = TestBlueprints.caseNames();
        for (String type : ResourceCatalogue.v1().typeNames()) {
            assertThat(cases).as(type).anyMatch(name -> name.startsWith(type.replace('.', '-')));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dharma.generator.GeneratedConfigurations#arguments")
    void secretsAreSensitiveVariablesWithoutDefaults(GeneratedConfigurations.Named generated) {
        JsonNode variables = json(generated.configuration(), "variables");
        variables.path("variable").properties().forEach(variable -> {
            assertThat(variable.getValue().has("default")).as("%s: %s", generated.name(), variable.getKey()).isFalse();
            if (variable.getKey().contains("password")) {
                assertThat(variable.getValue().path("sensitive").asBoolean()).as(variable.getKey()).isTrue();
            }
        });
        String main = generated.configuration().file("hcl/main.tf").orElseThrow().content();
        assertThat(main).doesNotContainPattern("password\\s*=\\s*\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dharma.generator.GeneratedConfigurations#arguments")
    void providersAreConstrainedAndDharmasTagsAreSet(GeneratedConfigurations.Named generated) {
        JsonNode required = json(generated.configuration(), "versions").path("terraform").path("required_providers");
        required.properties().forEach(provider ->
                assertThat(provider.getValue().path("version").asString()).as(provider.getKey()).startsWith("~> "));

        JsonNode locals = json(generated.configuration(), "providers").path("locals");
        JsonNode tags = locals.has("tags") ? locals.path("tags") : locals.path("labels");
        assertThat(tags.path("managed-by").asString()).isEqualTo("dharma");
        assertThat(tags.has("dharma-blueprint")).isTrue();
        assertThat(tags.has("dharma-environment")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dharma.generator.GeneratedConfigurations#arguments")
    void everyResourceAddressBelongsToABlueprintResource(GeneratedConfigurations.Named generated) {
        assertThat(generated.configuration().resources()).isNotEmpty().allSatisfy(address ->
                assertThat(address.address()).matches("[a-z0-9_]+\\.[a-z0-9_]+"));
        assertThat(generated.configuration().resources()).extracting(ResourceAddress::address).doesNotHaveDuplicates();
    }

    @Test
    void sizesComeFromTheTableTheCostEstimatorShares() {
        String main = GoldenFileTest.generate(TestBlueprints.example("azure-data-platform"))
                .file("hcl/main.tf").orElseThrow().content();

        assertThat(main).contains("\"" + SizeCatalogue.v1().sizeFor("compute.instance", "medium", Cloud.AZURE).sku() + "\"")
                .contains("\"" + SizeCatalogue.v1().sizeFor("database.postgres", "large", Cloud.AZURE).sku() + "\"");
    }

    @Test
    void explicitDependsOnBecomesDependsOnOnlyWhereNoReferenceOrdersTheResources() {
        String dataPlatform = GoldenFileTest.generate(TestBlueprints.example("azure-data-platform"))
                .file("hcl/main.tf").orElseThrow().content();
        String webApp = GoldenFileTest.generate(TestBlueprints.example("aws-web-app"))
                .file("hcl/main.tf").orElseThrow().content();

        // curated (a bucket) dependsOn warehouse but has no reference to it
        assertThat(dataPlatform).contains("depends_on = [azurerm_private_endpoint.warehouse]");
        // every dependency of the web app is a reference
        assertThat(webApp).doesNotContain("depends_on");
    }

    private static JsonNode json(TerraformConfiguration configuration, String file) {
        return JSON.readTree(configuration.file("json/" + file + ".tf.json").orElseThrow().content());
    }
}
