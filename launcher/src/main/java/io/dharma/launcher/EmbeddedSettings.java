package io.dharma.launcher;

import java.nio.file.Path;

import io.dharma.embedded.BindAddress;

/**
 * Where the embedded platform keeps its data, which ports it listens on (0 = any free port), the
 * address Kafka, the registry and PostgreSQL listen on, and where AWS deployments go.
 */
public record EmbeddedSettings(Path home, Ports ports, String bindAddress, Aws aws) {

    /** Every port free and chosen at start, infrastructure on loopback: for tests and for running beside another instance. */
    public static EmbeddedSettings ephemeral(Path home) {
        return new EmbeddedSettings(home, new Ports(0, 0, 0, 0, 0), BindAddress.LOOPBACK, Aws.SANDBOX);
    }

    public EmbeddedSettings withHttpPort(int port) {
        return new EmbeddedSettings(home, ports.withHttp(port), bindAddress, aws);
    }

    public EmbeddedSettings withAws(Aws aws) {
        return new EmbeddedSettings(home, ports, bindAddress, aws);
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
}
