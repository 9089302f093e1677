package io.dharma.launcher;

import java.nio.file.Path;

/** Where the embedded platform keeps its data and which ports it listens on (0 = any free port). */
public record EmbeddedSettings(Path home, int httpPort, int kafkaPort, int registryPort, int postgresPort) {

    /** Every port free and chosen at start: for tests and for running beside another instance. */
    public static EmbeddedSettings ephemeral(Path home) {
        return new EmbeddedSettings(home, 0, 0, 0, 0);
    }
}
