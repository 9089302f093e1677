package io.dharma.launcher;

import java.nio.file.Path;

/**
 * Where the embedded platform keeps its data, which ports it listens on (0 = any free port) and
 * where AWS deployments go.
 */
public record EmbeddedSettings(Path home, int httpPort, int kafkaPort, int registryPort, int postgresPort, Aws aws) {

    public EmbeddedSettings(Path home, int httpPort, int kafkaPort, int registryPort, int postgresPort) {
        this(home, httpPort, kafkaPort, registryPort, postgresPort, Aws.SANDBOX);
    }

    /** Every port free and chosen at start: for tests and for running beside another instance. */
    public static EmbeddedSettings ephemeral(Path home) {
        return new EmbeddedSettings(home, 0, 0, 0, 0);
    }

    public EmbeddedSettings withHttpPort(int port) {
        return new EmbeddedSettings(home, port, kafkaPort, registryPort, postgresPort, aws);
    }

    public EmbeddedSettings withAws(Aws aws) {
        return new EmbeddedSettings(home, httpPort, kafkaPort, registryPort, postgresPort, aws);
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
