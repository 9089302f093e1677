package io.dharma.infra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service the split-process test runs as its own JVM, from the {@code -exec.jar} its module's
 * build repackages. The orchestrator runs the sandbox executor in its own process; the sandbox
 * service serves the same inventory's API. The test's callers carry tokens of the test's identity
 * provider, as a company's would be; the identity service runs beside it as it would in a cluster.
 * The notifier consumes the public topics and relays ServiceNow decisions to the orchestrator.
 */
enum Service {
    INTAKE("services/intake", "dharma-intake"),
    GENERATOR("services/generator", "dharma-generator"),
    GUARDRAILS("services/guardrails", "dharma-guardrails"),
    COSTING("services/costing", "dharma-costing"),
    ORCHESTRATOR("services/orchestrator", "dharma-orchestrator"),
    SANDBOX("services/sandbox", "dharma-sandbox"),
    IDENTITY("services/identity", "dharma-identity"),
    STREAMS("streams-topology", "dharma-streams-topology"),
    NOTIFIER("services/notifier", "dharma-notifier");

    private final String module;
    private final String artifactId;

    Service(String module, String artifactId) {
        this.module = module;
        this.artifactId = artifactId;
    }

    /** Its name in logs and directories: {@code intake}, {@code streams}, ... */
    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The module's repackaged jar; the reactor builds it before this module's tests (infra/pom.xml). */
    Path execJar() {
        Path target = Path.of("..", module, "target").toAbsolutePath().normalize();
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, artifactId + "-*-exec.jar")) {
                found.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (jars.size() != 1) {
            throw new IllegalStateException("expected one " + artifactId + "-*-exec.jar in " + target + ", found " + jars
                    + ": build the service jars first, e.g. ./mvnw -B -pl infra -am verify");
        }
        return jars.getFirst();
    }
}
