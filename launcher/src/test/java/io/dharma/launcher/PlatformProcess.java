package io.dharma.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * {@code dharma up} in a JVM of its own, on fixed ports and one home directory, so it can be killed
 * with SIGKILL (only that JVM: what it started, such as PostgreSQL or Terraform, is orphaned as it
 * would be in production) and started again on the same data.
 */
final class PlatformProcess implements AutoCloseable {

    /** The platform-admin key the process registers at start, as an operator sets it (DHARMA_BOOTSTRAP_ADMIN_KEY). */
    static final String ADMIN_KEY = "terraform-e2e-bootstrap-admin-key-0123456789";

    // ~30 s alone on a 2-core CI machine; the patience covers a start beside the other test classes on a busy machine.
    private static final Duration START_PATIENCE = Duration.ofMinutes(5);

    private final Path home;
    private final List<String> arguments;
    private final int httpPort;
    private Process process;
    private int starts;

    PlatformProcess(Path home, String... extraArguments) throws IOException {
        this.home = Files.createDirectories(home);
        this.httpPort = freePort();
        // Every port free, the actuator's too (its default, 8089, may be taken by another test running beside this one).
        this.arguments = new ArrayList<>(List.of("up", "--home", home.toString(), "--http-port", String.valueOf(httpPort),
                "--management-port", String.valueOf(freePort()),
                "--kafka-port", String.valueOf(freePort()), "--registry-port", String.valueOf(freePort()),
                "--postgres-port", String.valueOf(freePort())));
        this.arguments.addAll(List.of(extraArguments));
    }

    String apiUrl() {
        return "http://localhost:" + httpPort;
    }

    /** Starts the platform and waits for its ready banner. */
    PlatformProcess start() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                DharmaCli.class.getName()));
        command.addAll(arguments);
        Path log = home.resolve("platform-" + (++starts) + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DHARMA_BOOTSTRAP_ADMIN_KEY", ADMIN_KEY);
        process = builder.start();
        await().atMost(START_PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError("the platform exited " + process.exitValue() + "; see " + log);
            }
            return Files.readString(log).contains("Dharma is up.");
        });
        return this;
    }

    /** What the running platform has printed since it was started. */
    String output() throws IOException {
        return Files.readString(home.resolve("platform-" + starts + ".log"));
    }

    /** The first live Terraform process of this platform whose arguments start with {@code command}. */
    Optional<ProcessHandle> terraform(String command) {
        return process.descendants()
                .filter(child -> child.info().command().map(c -> c.endsWith("/terraform")).orElse(false))
                .filter(child -> child.info().arguments().map(a -> a.length > 0 && a[0].equals(command)).orElse(false))
                .findFirst();
    }

    /** SIGKILL to the platform's JVM alone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the platform did not die of SIGKILL");
        }
    }

    /** A graceful stop (SIGTERM: the shutdown hook stops every part, PostgreSQL too). */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
