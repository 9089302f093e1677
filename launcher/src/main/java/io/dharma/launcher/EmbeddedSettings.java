package io.dharma.launcher;

import java.nio.file.Path;

import io.dharma.embedded.BindAddress;

/**
 * Where the embedded platform keeps its data, which ports it listens on (0 = any free port), the
 * address Kafka, the registry and PostgreSQL listen on, where AWS deployments go, and which
 * infrastructure already runs elsewhere (then it is not started here).
 */
public record EmbeddedSettings(Path home, Ports ports, String bindAddress, Aws aws, External external) {

    /** Every port free and chosen at start, infrastructure on loopback: for tests and for running beside another instance. */
    public static EmbeddedSettings ephemeral(Path home) {
        return new EmbeddedSettings(home, new Ports(0, 0, 0, 0, 0), BindAddress.LOOPBACK, Aws.SANDBOX, External.NONE);
    }

    public EmbeddedSettings withHttpPort(int port) {
        return new EmbeddedSettings(home, ports.withHttp(port), bindAddress, aws, external);
    }

    public EmbeddedSettings withPorts(Ports ports) {
        return new EmbeddedSettings(home, ports, bindAddress, aws, external);
    }

    public EmbeddedSettings withAws(Aws aws) {
        return new EmbeddedSettings(home, ports, bindAddress, aws, external);
    }

    public EmbeddedSettings withExternal(External external) {
        return new EmbeddedSettings(home, ports, bindAddress, aws, external);
    }

    /**
     * @param http       the platform API, {@code /livez} and {@code /readyz}
     * @param management actuator: health with details, metrics, Prometheus
     */
    public record Ports(int http, int management, int kafka, int registry, int postgres) {

        Ports withHttp(int port) {
            return new Ports(port, management, kafka, registry, postgres);
        }
    }

    /**
     * Where AWS blueprints are deployed: Terraform against {@code endpoint}, or against an AWS API
     * emulator this platform starts ({@code emulator}, on {@code emulatorPort}); neither: the sandbox.
     */
    public record Aws(String endpoint, boolean emulator, int emulatorPort) {

        public static final Aws SANDBOX = new Aws(null, false, 0);

        public boolean terraform() {
            return endpoint != null || emulator;
        }
    }

    /**
     * Kafka and PostgreSQL that run in their own processes (a split-process topology, the fault
     * bench): the launcher connects to what is given and starts only the rest. The schema registry
     * is always the platform's own; it keeps its schemas in Kafka.
     *
     * @param kafkaBootstrapServers a running Kafka, or null to start the embedded broker
     * @param postgres              a running PostgreSQL, or null to start the embedded server
     */
    public record External(String kafkaBootstrapServers, Postgres postgres) {

        public static final External NONE = new External(null, null);

        /** @param jdbcUrl {@code jdbc:postgresql://host:port/database}, where the platform's schemas are created */
        public record Postgres(String jdbcUrl, String username, String password) {
        }
    }
}
