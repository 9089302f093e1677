package io.dharma.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.registry.EmbeddedSchemaRegistry;

/**
 * The real infrastructure for this module's tests, each piece started on first use, once per test
 * JVM, on ephemeral ports, data under {@code target/}.
 */
public final class TestStack {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedSchemaRegistry registry;
    private static final Deque<AutoCloseable> started = new ArrayDeque<>();

    private TestStack() {
    }

    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            // The broker aborts a transaction whose producer died as soon as it times out, not
            // only at its default 10 s sweep: the crash test restarts a consumer behind one.
            kafka = EmbeddedKafkaBroker.start(newDataDir("kafka-"), 0,
                    Map.of("transaction.abort.timed.out.transaction.cleanup.interval.ms", "500"));
            onShutdown(kafka);
        }
        return kafka.bootstrapServers();
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(newDataDir("postgres-"), 0);
            onShutdown(postgres);
        }
        return postgres;
    }

    public static synchronized String registryUrl() {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start(bootstrapServers(), 0);
            onShutdown(registry);
        }
        return registry.url();
    }

    /** Creates each topic and its {@code .dlt} with {@code partitions} partitions. */
    public static void createTopicsWithDeadLetters(int partitions, String... topics) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (String topic : topics) {
            newTopics.add(new NewTopic(topic, partitions, (short) 1));
            newTopics.add(new NewTopic(topic + ".dlt", partitions, (short) 1));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(newTopics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + List.of(topics), e);
        }
    }

    private static void onShutdown(AutoCloseable resource) {
        if (started.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestStack::closeAll, "test-stack-shutdown"));
        }
        started.addFirst(resource);
    }

    // Last started first: the registry before the broker it stores its schemas in.
    private static synchronized void closeAll() {
        for (AutoCloseable resource : started) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("Cannot close " + resource + ": " + e);
            }
        }
    }

    private static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
