package io.dharma.infra.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A service that ships as an image (profile {@code images} of the parent pom, ADR 0024): where its
 * module is, what its image is called and which main class and settings file it has. The image's
 * tar is the module's {@code target/jib-image.tar}.
 */
record ServiceImage(String name, String module, String mainClass, String settingsFile) {

    static final List<ServiceImage> ALL = List.of(
            new ServiceImage("intake", "services/intake", "io.dharma.intake.app.IntakeApplication", "intake.yaml"),
            new ServiceImage("generator", "services/generator", "io.dharma.generator.app.GeneratorApplication", "generator.yaml"),
            new ServiceImage("guardrails", "services/guardrails", "io.dharma.guardrails.app.GuardrailsApplication", "guardrails.yaml"),
            new ServiceImage("costing", "services/costing", "io.dharma.costing.app.CostingApplication", "costing.yaml"),
            new ServiceImage("orchestrator", "services/orchestrator", "io.dharma.orchestrator.app.OrchestratorApplication", "orchestrator.yaml"),
            new ServiceImage("streams", "streams-topology", "io.dharma.streams.app.StreamsApplication", "streams.yaml"),
            new ServiceImage("sandbox", "services/sandbox", "io.dharma.sandbox.app.SandboxApplication", "sandbox.yaml"),
            new ServiceImage("identity", "services/identity", "io.dharma.identity.app.IdentityApplication", "identity.yaml"),
            new ServiceImage("notifier", "services/notifier", "io.dharma.notifier.app.NotifierApplication", "notifier.yaml"),
            new ServiceImage("schema-registry", "platform/schema-registry", "io.dharma.registry.SchemaRegistryApplication", "schema-registry.yml"));

    /** The project's root: tests run in infra/, one level below it. */
    static Path projectRoot() {
        return Path.of("").toAbsolutePath().getParent();
    }

    Path tar() {
        return projectRoot().resolve(module).resolve("target/jib-image.tar");
    }

    /** The port the service listens on when nothing overrides it: server.port of its settings file. */
    int defaultPort() {
        Path settings = projectRoot().resolve(module).resolve("src/main/resources").resolve(settingsFile);
        try {
            JsonNode port = YAMLMapper.builder().build().readTree(Files.readString(settings)).at("/server/port");
            if (!port.canConvertToInt()) {
                throw new IllegalStateException(settings + " sets no server.port");
            }
            return port.asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The main class as a path in the image's classes layer. */
    String mainClassFile() {
        return "app/classes/" + mainClass.replace('.', '/') + ".class";
    }

    @Override
    public String toString() {
        return name;
    }
}
