package io.dharma.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.DocumentFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The same blueprint content always gives the same bytes and hash, however it was written. */
class DeterminismTest {

    private static final TerraformGenerator FIRST = new TerraformGenerator();
    private static final TerraformGenerator SECOND = new TerraformGenerator();

    static java.util.stream.Stream<String> examples() {
        return TestBlueprints.exampleNames().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void generatingTwiceGivesIdenticalFilesAndHash(String example) {
        TerraformConfiguration once = generate(FIRST, TestBlueprints.example(example));
        TerraformConfiguration again = generate(SECOND, TestBlueprints.example(example));

        assertThat(again.files()).isEqualTo(once.files());
        assertThat(again.resources()).isEqualTo(once.resources());
        assertThat(again.contentHash()).isEqualTo(once.contentHash()).matches("sha256:[0-9a-f]{64}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theExampleAsJsonWithKeysReversedGivesTheSameHashAsTheYaml(String example) throws Exception {
        JsonNode tree = new YAMLMapper().readTree(TestBlueprints.exampleText(example));
        String json = JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(reversed(tree));

        TerraformConfiguration fromYaml = generate(FIRST, TestBlueprints.example(example));
        TerraformConfiguration fromJson = generate(FIRST, TestBlueprints.parse(json, DocumentFormat.JSON));

        assertThat(fromJson.contentHash()).isEqualTo(fromYaml.contentHash());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void aDifferentEnvironmentGivesADifferentHash(String example) {
        Blueprint blueprint = TestBlueprints.example(example);
        String other = blueprint.metadata().environment().id().equals("dev") ? "staging" : "dev";
        String changed = TestBlueprints.exampleText(example)
                .replace("environment: " + blueprint.metadata().environment().id(), "environment: " + other);

        assertThat(generate(FIRST, TestBlueprints.parse(changed, DocumentFormat.YAML)).contentHash())
                .isNotEqualTo(generate(FIRST, blueprint).contentHash());
    }

    private static TerraformConfiguration generate(TerraformGenerator generator, Blueprint blueprint) {
        GenerationResult result = generator.generate(blueprint);
        assertThat(result).isInstanceOf(GenerationResult.Generated.class);
        return ((GenerationResult.Generated) result).configuration();
    }

    /** The same tree with every object's keys in reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonMapper.builder().build().createObjectNode();
            java.util.List<String> names = new java.util.ArrayList<>(node.propertyNames());
            java.util.Collections.reverse(names);
            names.forEach(name -> copy.set(name, reversed(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var array = JsonMapper.builder().build().createArrayNode();
            node.values().forEach(item -> array.add(reversed(item)));
            return array;
        }
        return node;
    }
}
