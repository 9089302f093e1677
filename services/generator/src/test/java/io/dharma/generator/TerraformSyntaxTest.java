package io.dharma.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every generated file is well-formed: each {@code .tf} parses with an independent HCL parser
 * (hcl4j), each {@code .tf.json} is JSON of Terraform's shape, and both syntaxes declare the same
 * blocks.
 */
class TerraformSyntaxTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> TOP_LEVEL = Set.of("terraform", "provider", "resource", "data", "variable", "output", "locals");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dharma.generator.GeneratedConfigurations#arguments")
    void everyHclFileParses(GeneratedConfigurations.Named generated) {
        for (GeneratedFile file : generated.configuration().files()) {
            if (file.path().endsWith(".tf")) {
                assertThatCode(() -> new HCLParser().parse(file.content()))
                        .as("%s/%s", generated.name(), file.path())
                        .doesNotThrowAnyException();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dharma.generator.GeneratedConfigurations#arguments")
    void everyJsonFileHasTerraformsShape(GeneratedConfigurations.Named generated) {
        for (GeneratedFile file : generated.configuration().files()) {
            if (!file.path().endsWith(".tf.json")) {
                continue;
            }
            String where = generated.name() + "/" + file.path();
            JsonNode root = JSON.readTree(file.content());
            assertThat(root.isObject()).as(where).isTrue();
            assertThat(root.propertyNames()).as(where).allMatch(TOP_LEVEL::contains);
            for (String kind : Set.of("resource", "data")) {
                root.path(kind).properties().forEach(type -> {
                    assertThat(type.getValue().isObject()).as("%s %s.%s", where, kind, type.getKey()).isTrue();
                    type.getValue().properties().forEach(named -> assertThat(named.getValue().isObject())
                            .as("%s %s.%s.%s", where, kind, type.getKey(), named.getKey()).isTrue());
                });
            }
            for (String kind : Set.of("variable", "output", "provider")) {
                root.path(kind).properties().forEach(named -> assertThat(named.getValue().isObject())
                        .as("%s %s.%s", where, kind, named.getKey()).isTrue());
            }
            root.path("output").properties().forEach(output -> assertThat(output.getValue().has("value"))
                    .as("%s output %s has a value", where, output.getKey()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dharma.generator.GeneratedConfigurations#arguments")
    void hclAndJsonDeclareTheSameBlocks(GeneratedConfigurations.Named generated) throws Exception {
        for (String name : TerraformGenerator.FILES) {
            String hcl = generated.configuration().file(TerraformGenerator.HCL_FOLDER + name + ".tf").orElseThrow().content();
            String json = generated.configuration().file(TerraformGenerator.JSON_FOLDER + name + ".tf.json").orElseThrow().content();
            assertThat(declarations(new HCLParser().parse(hcl)))
                    .as("%s %s", generated.name(), name)
                    .isEqualTo(declarations(JSON.readValue(json, Map.class)));
        }
    }

    /** {@code resource.aws_vpc.main}, {@code variable.x}, ... of a parsed file. */
    @SuppressWarnings("unchecked")
    private static Set<String> declarations(Map<String, Object> file) {
        Set<String> names = new TreeSet<>();
        file.forEach((kind, value) -> {
            if (!(value instanceof Map<?, ?> byName)) {
                return;
            }
            switch (kind) {
                case "resource", "data" -> ((Map<String, Object>) byName).forEach((type, named) ->
                        ((Map<String, Object>) named).keySet().forEach(n -> names.add(kind + "." + type + "." + n)));
                case "variable", "output", "provider" -> ((Map<String, Object>) byName).keySet()
                        .forEach(n -> names.add(kind + "." + n));
                default -> names.add(kind);
            }
        });
        return names;
    }
}
