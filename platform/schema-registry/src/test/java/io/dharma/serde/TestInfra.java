package io.dharma.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.registry.EmbeddedSchemaRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** One real KRaft broker and one embedded registry per test JVM, on ephemeral ports. */
final class TestInfra {

    private static EmbeddedKafkaBroker broker;
    private static EmbeddedSchemaRegistry registry;

    private TestInfra() {
    }

    static synchronized String bootstrapServers() {
        start();
        return broker.bootstrapServers();
    }

    static synchronized String registryUrl() {
        start();
        return registry.url();
    }

    static void createTopic(String name) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topic " + name, e);
        }
    }

    private static void start() {
        if (broker != null) {
            return;
        }
        try {
            broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("serde-test-kafka"), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            registry.close();
            broker.close();
        }));
    }
}
