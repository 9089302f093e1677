package io.dharma.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.dharma.launcher.EmbeddedSettings;
import io.dharma.launcher.PlatformLauncher;
import io.dharma.launcher.RunningPlatform;

/** The platform under load: started in this JVM on free ports, as `./dharma up` would start it. */
final class BenchTarget implements AutoCloseable {

    private final RunningPlatform platform;

    private BenchTarget(RunningPlatform platform) {
        this.platform = platform;
    }

    /** The services left out by {@link #startIntakeOnly()}: everything downstream of the intake's outbox. */
    private static final String DOWNSTREAM_SERVICES = String.join(",",
            "io.dharma.generator.GeneratorAutoConfiguration", "io.dharma.guardrails.GuardrailsAutoConfiguration",
            "io.dharma.costing.CostingAutoConfiguration", "io.dharma.orchestrator.OrchestratorAutoConfiguration",
            "io.dharma.sandbox.SandboxAutoConfiguration", "io.dharma.terraform.TerraformExecutorAutoConfiguration",
            "io.dharma.streams.StateAutoConfiguration");

    static BenchTarget startEmbedded() {
        return start(Map.of());
    }

    /** The platform without the services that consume the intake's events, so they do not share the CPU. */
    static BenchTarget startIntakeOnly() {
        return start(Map.of("spring.autoconfigure.exclude", DOWNSTREAM_SERVICES,
                // the launcher's readiness group names the state application's health, which is left out
                "management.endpoint.health.validate-group-membership", "false"));
    }

    private static BenchTarget start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("dharma.security.issuers[1].issuer-uri", BenchCredentials.issuerUri());
        try {
            return new BenchTarget(PlatformLauncher.start(
                    EmbeddedSettings.ephemeral(Files.createTempDirectory("dharma-bench")), all));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String apiUrl() {
        return platform.apiUrl();
    }

    String registryUrl() {
        return platform.registryUrl();
    }

    String bootstrapServers() {
        return platform.bootstrapServers();
    }

    @Override
    public void close() {
        platform.close();
    }
}
