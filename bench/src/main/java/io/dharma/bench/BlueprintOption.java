package io.dharma.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import picocli.CommandLine.Option;

/** {@code --blueprint}: the document the drivers submit or build their lifecycles from, with the one default they share. */
final class BlueprintOption {

    @Option(names = "--blueprint", paramLabel = "FILE", defaultValue = "examples/aws-web-app.yaml",
            description = "Blueprint to submit (default ${DEFAULT-VALUE}).")
    Path file;

    BlueprintTemplate template() throws IOException {
        return BlueprintTemplate.read(file);
    }

    /** The document as read and the blueprint it validates to; an invalid document is refused. */
    Valid valid() throws IOException {
        String document = Files.readString(file);
        if (new BlueprintValidator().validate(document, DocumentFormat.YAML) instanceof ValidationResult.Valid valid) {
            return new Valid(document, valid.blueprint());
        }
        throw new IllegalArgumentException(file + " is not a valid blueprint");
    }

    record Valid(String document, Blueprint blueprint) {
    }
}
