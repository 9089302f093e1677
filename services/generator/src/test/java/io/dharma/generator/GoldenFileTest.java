package io.dharma.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every focused case on every cloud, and every example, against its golden files
 * ({@code golden/<cloud>/<case>/} and {@code golden/examples/<example>/}): the HCL and JSON
 * files plus {@code resources.txt}, the address-to-resource list the IacGenerated event carries.
 */
class GoldenFileTest {

    private static final TerraformGenerator GENERATOR = new TerraformGenerator();

    static Stream<Arguments> cases() {
        return TestBlueprints.caseNames().stream()
                .flatMap(name -> Stream.of(Cloud.values()).map(cloud -> Arguments.of(cloud, name)));
    }

    static Stream<String> examples() {
        return TestBlueprints.exampleNames().stream();
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("cases")
    void focusedCase(Cloud cloud, String name) {
        Blueprint blueprint = TestBlueprints.forCase(name, cloud);
        GoldenFiles.assertMatches(Path.of(cloud.id(), name), files(generate(blueprint)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example(String name) {
        GoldenFiles.assertMatches(Path.of("examples", name), files(generate(TestBlueprints.example(name))));
    }

    static TerraformConfiguration generate(Blueprint blueprint) {
        GenerationResult result = GENERATOR.generate(blueprint);
        assertThat(result).as("generation of %s", blueprint.name()).isInstanceOf(GenerationResult.Generated.class);
        return ((GenerationResult.Generated) result).configuration();
    }

    private static Map<String, String> files(TerraformConfiguration configuration) {
        Map<String, String> files = new LinkedHashMap<>();
        configuration.files().forEach(file -> files.put(file.path(), file.content()));
        files.put("resources.txt", configuration.resources().stream()
                .map(resource -> resource.address() + " <- " + resource.resourceName() + "\n")
                .collect(Collectors.joining()));
        return files;
    }
}
