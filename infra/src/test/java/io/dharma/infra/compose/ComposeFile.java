package io.dharma.infra.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code infra/docker-compose.yml} as {@code docker-compose config} resolves it (Debian's
 * {@code docker-compose} package; no Docker daemon needed): variables interpolated, YAML anchors
 * and merges applied, so a test sees exactly what each container would be given.
 */
final class ComposeFile {

    static final String BINARY = "docker-compose";

    /** The secrets the compose file requires, with values that stand for them in tests. */
    static final Map<String, String> SECRETS = Map.of(
            "POSTGRES_PASSWORD", "test-postgres-password",
            "DHARMA_BOOTSTRAP_ADMIN_KEY", "test-admin-key-of-at-least-32-characters",
            "GRAFANA_ADMIN_PASSWORD", "test-grafana-password",
            "DHARMA_NOTIFIER_ENCRYPTION_KEY", "dGVzdC1ub3RpZmllci1rZXktb2YtMzItYnl0ZXMhISE=");

    private ComposeFile() {
    }

    /** The infra module's directory (the tests' working directory). */
    static Path infraDirectory() {
        Path here = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        if (!Files.isRegularFile(here.resolve("docker-compose.yml"))) {
            throw new IllegalStateException("no docker-compose.yml in " + here + ": run the test from the infra module");
        }
        return here;
    }

    static Path repository() {
        return infraDirectory().getParent();
    }

    /** The resolved configuration, with {@code variables} as the only environment compose interpolates from. */
    static JsonNode config(Map<String, String> variables) {
        Result result = run(variables);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("docker-compose config failed (" + result.exitCode() + "): " + result.stderr());
        }
        return new YAMLMapper().readTree(result.stdout());
    }

    /** Runs {@code docker-compose config} and returns what it said, failing or not. */
    static Result run(Map<String, String> variables) {
        Path binary = binary().orElseThrow(() -> new IllegalStateException(
                BINARY + " is not on the PATH: install Debian's docker-compose package"
                        + " (apt-get install docker-compose; .ci/run installs it when missing)"));
        Path infra = infraDirectory();
        try {
            // An empty env file, so a developer's infra/.env cannot supply what a test leaves out.
            Path emptyEnvFile = Files.createTempFile("compose-test", ".env");
            try {
                ProcessBuilder builder = new ProcessBuilder(List.of(binary.toString(), "--env-file", emptyEnvFile.toString(),
                        "-f", infra.resolve("docker-compose.yml").toString(), "config"));
                builder.directory(infra.toFile());
                builder.environment().keySet().removeIf(name -> !name.equals("PATH") && !name.equals("HOME"));
                builder.environment().putAll(variables);
                Path stdout = Files.createTempFile("compose-config", ".out");
                Path stderr = Files.createTempFile("compose-config", ".err");
                builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
                Process process = builder.start();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("docker-compose config did not finish in 2 minutes");
                }
                Result result = new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
                Files.delete(stdout);
                Files.delete(stderr);
                return result;
            } finally {
                Files.delete(emptyEnvFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Optional<Path> binary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, BINARY);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The compose services that run a Dharma image ({@code dharma/<service>:<tag>}), by compose service name. */
    static List<Map.Entry<String, JsonNode>> dharmaServices(JsonNode config) {
        List<Map.Entry<String, JsonNode>> services = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : config.path("services").properties()) {
            if (service.getValue().path("image").asString("").startsWith("dharma/")) {
                services.add(service);
            }
        }
        return services;
    }

    /** {@code dharma/intake:0.1.0} is {@code intake}. */
    static String imageName(JsonNode service) {
        String image = service.path("image").asString();
        return image.substring("dharma/".length(), image.contains(":") ? image.indexOf(':') : image.length());
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
