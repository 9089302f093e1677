package io.dharma.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import io.dharma.embedded.EmbeddedKafkaBroker;

/** One real KRaft broker per test JVM, on an ephemeral port, stopped when the JVM exits. */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("registry-test-kafka"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        }
        return broker.bootstrapServers();
    }
}
