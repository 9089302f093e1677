package io.dharma.generator.service;

import io.dharma.generator.app.GeneratorApplication;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TopicWriter;
import io.dharma.topics.DharmaTopicNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The generator service as deployed (GeneratorApplication with generator.yaml), pointed at the embedded stack. */
final class GeneratorServiceFixture {

    private GeneratorServiceFixture() {
    }

    /** Command-line arguments: the stack's addresses, fast retries, a free port (for /actuator), plus {@code extra}. */
    static List<String> arguments(String... extra) {
        List<String> args = new ArrayList<>();
        EmbeddedStack.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                "--dharma.kafka.processing.retry.max-attempts=3",
                "--dharma.kafka.processing.retry.initial-interval=100ms",
                "--dharma.kafka.processing.retry.max-interval=200ms"));
        args.addAll(List.of(extra));
        return args;
    }

    /** The service in this JVM. */
    /** Publishes the submissions to dharma.blueprints.v1 in order, each keyed by its blueprintId, as intake would. */
    static void submit(List<BlueprintSubmitted> submissions) {
        TopicWriter.onStack().send(DharmaTopicNames.BLUEPRINTS, submissions, submission -> submission.getEnvelope().getBlueprintId());
    }

    static ConfigurableApplicationContext start(String... extra) {
        return new SpringApplicationBuilder(GeneratorApplication.class)
                .properties(GeneratorApplication.CONFIG_NAME)
                .registerShutdownHook(false)
                .run(arguments(extra).toArray(String[]::new));
    }

    /** The service in a JVM of its own, so a test can kill it; output goes to {@code target/<log>}. */
    static Process startInOwnJvm(String log, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                GeneratorApplication.class.getName()));
        command.addAll(arguments(extra));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(Path.of("target", log).toFile()).start();
    }
}
