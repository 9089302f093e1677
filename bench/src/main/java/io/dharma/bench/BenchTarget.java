package io.dharma.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.dharma.launcher.EmbeddedSettings;
import io.dharma.launcher.PlatformLauncher;
import io.dharma.launcher.RunningPlatform;

/** The platform under load: started in this JVM on free ports, as `./dharma up` would start it. */
final class BenchTarget implements AutoCloseable {

    private final RunningPlatform platform;

    private BenchTarget(RunningPlatform platform) {
        this.platform = platform;
    }

    static BenchTarget startEmbedded() {
        try {
            return new BenchTarget(PlatformLauncher.start(
                    EmbeddedSettings.ephemeral(Files.createTempDirectory("dharma-bench")),
                    java.util.Map.of("dharma.security.issuers[1].issuer-uri", BenchCredentials.issuerUri())));
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
