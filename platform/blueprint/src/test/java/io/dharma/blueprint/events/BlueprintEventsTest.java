package io.dharma.blueprint.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BlueprintEventsTest {

    static Stream<Path> examples() throws Exception {
        return Files.list(Path.of("../../examples")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void eventCarriesTheBlueprintBackUnchanged(Path example) throws Exception {
        String document = Files.readString(example);
        Blueprint blueprint = ((ValidationResult.Valid) new BlueprintValidator()
                .validate(document, DocumentFormat.YAML)).blueprint();
        Envelope envelope = new Envelope(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00Z"), "team-a",
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1, null, "intake");

        BlueprintSubmitted event = BlueprintEvents.submitted(blueprint, envelope, document, "application/yaml", "ana");
        Blueprint back = BlueprintEvents.blueprintOf(event);

        assertThat(back).isEqualTo(blueprint);
        assertThat(event.getContentHash()).isEqualTo("sha256:" + back.contentHash());
        assertThat(event.getDocument()).isEqualTo(document);
    }
}
