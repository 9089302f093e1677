package io.dharma.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.dharma.costing.CostingAutoConfiguration;
import io.dharma.generator.GeneratorAutoConfiguration;
import io.dharma.guardrails.GuardrailsAutoConfiguration;
import io.dharma.launcher.EmbeddedSettings;
import io.dharma.launcher.PlatformLauncher;
import io.dharma.launcher.RunningPlatform;
import io.dharma.orchestrator.OrchestratorAutoConfiguration;
import io.dharma.sandbox.SandboxAutoConfiguration;
import io.dharma.streams.StreamsAutoConfiguration;
import io.dharma.terraform.TerraformExecutorAutoConfiguration;

/** The platform under load: started in this JVM on free ports, as `./dharma up` would start it. */
final class BenchTarget implements AutoCloseable {

    /** Requests per minute of one credential, and of one tenant, far above what 2 cores serve. */
    private static final long BENCH_RATE_LIMIT = 10_000_000;

    private final RunningPlatform platform;

    private BenchTarget(RunningPlatform platform) {
        this.platform = platform;
        CpuMeter.watchPostgres(URI.create(platform.jdbcUrl().substring("jdbc:".length())).getPort());
    }

    /** The services left out by {@link #startIntakeOnly()}: everything downstream of the intake's outbox. */
    private static final String DOWNSTREAM_SERVICES = String.join(",", Stream.of(GeneratorAutoConfiguration.class,
            GuardrailsAutoConfiguration.class, CostingAutoConfiguration.class, OrchestratorAutoConfiguration.class,
            SandboxAutoConfiguration.class, TerraformExecutorAutoConfiguration.class, StreamsAutoConfiguration.class)
            .map(Class::getName).toList());

    static BenchTarget startEmbedded() {
        return start(Map.of());
    }

    /**
     * The whole platform with a sandbox that creates, updates and deletes instantly (its default
     * is 200 ms each, as a provider is never instant), so a deployment takes the platform's own
     * time. AWS blueprints go to the sandbox: the bench starts no Terraform target.
     */
    static BenchTarget startWithInstantSandbox() {
        return start(Map.of("dharma.sandbox.latency", "0ms"));
    }

    /** The platform without the services that consume the intake's events, so they do not share the CPU. */
    static BenchTarget startIntakeOnly() {
        return start(Map.of("spring.autoconfigure.exclude", DOWNSTREAM_SERVICES,
                // the launcher's readiness group names the streams application's health, which is left out
                "management.endpoint.health.validate-group-membership", "false"));
    }

    private static BenchTarget start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("dharma.security.issuers[1].issuer-uri", BenchCredentials.issuerUri());
        // The bench drives thousands of requests a second from one credential; the limiter still runs (and costs what it costs).
        all.put("dharma.web.rate-limit.per-credential", BENCH_RATE_LIMIT);
        all.put("dharma.web.rate-limit.per-tenant", BENCH_RATE_LIMIT);
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

    /** The platform-admin key the platform generated at its first start (a fresh home each run). */
    String adminKey() {
        return platform.generatedAdminKey().orElseThrow();
    }

    String bootstrapServers() {
        return platform.bootstrapServers();
    }

    @Override
    public void close() {
        platform.close();
    }
}
