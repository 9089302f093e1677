package io.dharma.generator;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Blueprints for the generator tests: the focused cases (one per catalogue type, any cloud) and the examples. */
final class TestBlueprints {

    static final Path CASES = Path.of("src/test/resources/cases");
    static final Path EXAMPLES = Path.of("../../examples");

    /** The region each cloud's cases are generated for. */
    static final Map<Cloud, String> REGIONS = Map.of(Cloud.AWS, "eu-west-1", Cloud.AZURE, "westeurope", Cloud.GCP, "europe-west4");

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    private TestBlueprints() {
    }

    static List<String> caseNames() {
        return names(CASES);
    }

    static List<String> exampleNames() {
        return names(EXAMPLES);
    }

    /** A case blueprint on {@code cloud}: the case file with its {@code ${cloud}} and {@code ${region}} filled in. */
    static Blueprint forCase(String name, Cloud cloud) {
        String text = read(CASES.resolve(name + ".yaml"))
                .replace("${cloud}", cloud.id())
                .replace("${region}", REGIONS.get(cloud));
        return parse(text, DocumentFormat.YAML);
    }

    static Blueprint example(String name) {
        return parse(read(EXAMPLES.resolve(name + ".yaml")), DocumentFormat.YAML);
    }

    static String exampleText(String name) {
        return read(EXAMPLES.resolve(name + ".yaml"));
    }

    static Blueprint parse(String text, DocumentFormat format) {
        ValidationResult result = VALIDATOR.validate(text, format);
        if (result instanceof ValidationResult.Valid valid) {
            return valid.blueprint();
        }
        throw new IllegalArgumentException("test blueprint is not valid: " + result);
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(file -> file.endsWith(".yaml"))
                    .map(file -> file.substring(0, file.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
