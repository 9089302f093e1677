package io.dharma.kafka.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.dharma.embedded.EmbeddedKafkaBroker;

/** One real KRaft broker for the whole test JVM, started on first use, data under target/. */
final class SharedKafkaBroker {

    private static EmbeddedKafkaBroker broker;

    private SharedKafkaBroker() {
    }

    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = EmbeddedKafkaBroker.start(newDataDir(), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "shared-kafka-broker-shutdown"));
        }
        return broker.bootstrapServers();
    }

    private static Path newDataDir() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
