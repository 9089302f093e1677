package io.dharma.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.launcher.PlatformLauncher;
import io.dharma.testing.ChildProcess;

/**
 * The platform split into the processes a fault can kill one at a time, all on loopback with
 * fixed ports and data directories under one home: the Kafka broker, PostgreSQL (its postmaster
 * and backends), the platform (every service and the schema registry, the launcher pointed at
 * that broker and that PostgreSQL) and the streams application. A restart reuses the same ports and
 * data, as an operator's restart would.
 */
final class FaultTopology implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Path home;
    private final int kafkaPort = freePort();
    private final int postgresPort = freePort();
    private final int registryPort = freePort();
    private final int apiPort = freePort();
    private final int streamsPort = freePort();
    final ComponentProcess kafka;
    final ComponentProcess postgres;
    final ComponentProcess platform;
    private ComponentProcess streams;

    private FaultTopology(Path home) {
        this.home = home;
        Path logs = home.resolve("logs");
        kafka = ComponentProcess.of("kafka", List.of("--home", home.resolve("kafka").toString(), "--port", "" + kafkaPort,
                "--controller-port", "" + freePort()), logs, "384m");
        postgres = ComponentProcess.of("postgres", List.of("--home", home.resolve("pg").toString(), "--port", "" + postgresPort),
                logs, "64m");
        platform = ComponentProcess.of("platform", List.of("--home", home.resolve("platform").toString(), "--port", "" + apiPort,
                "--registry-port", "" + registryPort, "--bootstrap-servers", bootstrapServers(), "--jdbc-url", jdbcUrl(),
                "--issuer-uri", BenchCredentials.issuerUri(), "--property", "dharma.sandbox.latency=0ms"), logs, "768m");
    }

    /** Starts every component in dependency order. */
    static FaultTopology start() throws IOException {
        FaultTopology topology = new FaultTopology(Files.createTempDirectory("dharma-faults"));
        try {
            topology.kafka.start(START_TIMEOUT);
            topology.postgres.start(START_TIMEOUT);
            topology.platform.start(START_TIMEOUT);
            // The streams application registers no schema of its own, but its serdes may: it gets the generated admin key.
            topology.streams = ComponentProcess.of("streams", List.of("--home", topology.home.resolve("streams-app").toString(),
                    "--port", "" + topology.streamsPort, "--bootstrap-servers", topology.bootstrapServers(),
                    "--registry-url", topology.registryUrl(), "--registry-token", topology.adminKey(),
                    "--issuer-uri", BenchCredentials.issuerUri()), topology.home.resolve("logs"), "384m");
            topology.streams.start(START_TIMEOUT);
            return topology;
        } catch (RuntimeException e) {
            topology.close();
            throw e;
        }
    }

    Path home() {
        return home;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + EmbeddedPostgresServer.DATABASE;
    }

    String registryUrl() {
        return "http://127.0.0.1:" + registryPort;
    }

    String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    String streamsUrl() {
        return "http://127.0.0.1:" + streamsPort;
    }

    ComponentProcess streams() {
        return streams;
    }

    /** The platform-admin key the platform generated at its first start. */
    String adminKey() {
        try {
            return Files.readString(home.resolve("platform").resolve(PlatformLauncher.ADMIN_KEY_FILE)).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGKILL to the postmaster and every backend at once, as a crash of the database host would
     * leave them (the JVM that started it goes too; it holds nothing but zonky's lock on the directory).
     */
    void killPostgres() {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(home.resolve("pg").resolve("postgres").resolve("postmaster.pid")).getFirst().strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessHandle.of(postmaster).ifPresent(ChildProcess::killTree);
        postgres.kill9();
    }

    void restart(ComponentProcess component) {
        component.start(START_TIMEOUT);
    }

    @Override
    public void close() {
        List<ComponentProcess> reverse = new ArrayList<>();
        for (ComponentProcess c : new ComponentProcess[] {streams, platform, postgres, kafka}) {
            if (c != null) {
                reverse.add(c);
            }
        }
        for (ComponentProcess c : reverse) {
            try {
                c.close();
            } catch (RuntimeException e) {
                System.err.println("error while stopping " + c.name() + ": " + e);
            }
        }
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
