package io.dharma.intake;

import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.registry.EmbeddedSchemaRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real KRaft broker, one real PostgreSQL and one schema registry for the whole test JVM,
 * started on first use on free ports, data under target/.
 */
final class IntakeTestInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedSchemaRegistry registry;

    private IntakeTestInfrastructure() {
    }

    static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(newDataDir("kafka-"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "test-kafka-shutdown"));
        }
        return kafka;
    }

    static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(newDataDir("postgres-"), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-shutdown"));
        }
        return postgres;
    }

    static synchronized EmbeddedSchemaRegistry registry() {
        if (registry == null) {
            registry = EmbeddedSchemaRegistry.start(kafka().bootstrapServers(), 0);
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "test-registry-shutdown"));
        }
        return registry;
    }

    static Path newDataDir(String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
