package io.dharma.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelopes;

/**
 * The blueprints in the repository's {@code examples/} folder, and the BlueprintSubmitted events
 * intake would publish for them: inputs for consumer tests that do not go through intake.
 */
public final class ExampleBlueprints {

    private static final Envelopes INTAKE = Envelopes.forProducer("intake");

    private ExampleBlueprints() {
    }

    /** The text of {@code examples/<file>}, found from any module's working directory. */
    public static String document(String file) {
        try {
            return Files.readString(examplesFolder().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The validated model of {@code examples/<file>}. */
    public static Blueprint blueprint(String file) {
        ValidationResult result = new BlueprintValidator().validate(document(file), DocumentFormat.YAML);
        if (result instanceof ValidationResult.Valid valid) {
            return valid.blueprint();
        }
        throw new IllegalStateException("examples/" + file + " is not valid: " + result);
    }

    /** The event announcing version 1 of {@code examples/<file>}. */
    public static BlueprintSubmitted submitted(String file, String tenantId, String trackingId, String blueprintId) {
        return submitted(file, tenantId, trackingId, blueprintId, 1);
    }

    /** The event announcing a version of {@code examples/<file>}, with a fresh eventId. */
    public static BlueprintSubmitted submitted(String file, String tenantId, String trackingId, String blueprintId,
            int version) {
        return BlueprintEvents.submitted(blueprint(file),
                INTAKE.originating(tenantId, trackingId, blueprintId, version),
                document(file), "application/yaml", null);
    }

    private static Path examplesFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve("examples");
            }
        }
        throw new IllegalStateException("no examples/ folder above " + Path.of("").toAbsolutePath());
    }
}
