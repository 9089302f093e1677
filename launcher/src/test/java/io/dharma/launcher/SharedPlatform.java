package io.dharma.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One platform, as `./dharma up` runs it, on free ports and a temporary home, for every test
 * class in this JVM: the end-to-end tests isolate themselves by tenant and blueprint, never by
 * restarting the stack.
 */
final class SharedPlatform {

    private static RunningPlatform platform;

    private SharedPlatform() {
    }

    static synchronized RunningPlatform get() {
        if (platform == null) {
            // Observe deployed stacks often, so drift shows up within a test's patience.
            System.setProperty("dharma.orchestrator.drift.interval", StateEndToEndTest.OBSERVER_INTERVAL.toMillis() + "ms");
            try {
                platform = PlatformLauncher.start(EmbeddedSettings.ephemeral(Files.createTempDirectory("dharma-e2e")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "shared-platform-shutdown"));
        }
        return platform;
    }
}
