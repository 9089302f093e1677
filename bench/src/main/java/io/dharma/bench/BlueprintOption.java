package io.dharma.bench;

import java.io.IOException;
import java.nio.file.Path;

import picocli.CommandLine.Option;

/** {@code --blueprint}: the document the submitting benches send, with the one default they share. */
final class BlueprintOption {

    @Option(names = "--blueprint", paramLabel = "FILE", defaultValue = "examples/aws-web-app.yaml",
            description = "Blueprint to submit (default ${DEFAULT-VALUE}).")
    Path file;

    BlueprintTemplate template() throws IOException {
        return BlueprintTemplate.read(file);
    }
}
