package io.dharma.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import javax.sql.DataSource;

import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.registry.EmbeddedSchemaRegistry;

/**
 * The real infrastructure for tests: a KRaft Kafka broker, the schema registry and PostgreSQL,
 * on free ports and a temporary directory, started on first use and shared by every test in the
 * JVM (Surefire keeps one JVM per module). Tests isolate themselves by tenant, topic or group
 * names, never by restarting the stack.
 */
public final class EmbeddedStack {

    private static EmbeddedStack instance;

    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedSchemaRegistry registry;
    private final Path dir;

    private EmbeddedStack(EmbeddedKafkaBroker kafka, EmbeddedPostgresServer postgres,
            EmbeddedSchemaRegistry registry, Path dir) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.registry = registry;
        this.dir = dir;
    }

    public static synchronized EmbeddedStack get() {
        if (instance == null) {
            instance = start(tempDir());
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "embedded-stack-shutdown"));
        }
        return instance;
    }

    private static EmbeddedStack start(Path dir) {
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dir, 0);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dir, 0);
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(kafka.bootstrapServers(), 0);
        return new EmbeddedStack(kafka, postgres, registry, dir);
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String registryUrl() {
        return registry.url();
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public DataSource dataSource() {
        return postgres.dataSource();
    }

    /** Spring properties that point an application at this stack, trusting the shared {@link TestIssuer}. */
    public Map<String, Object> springProperties() {
        return Map.of(
                "spring.kafka.bootstrap-servers", bootstrapServers(),
                "dharma.schema-registry.url", registryUrl(),
                "spring.datasource.url", jdbcUrl(),
                "spring.datasource.username", postgres.username(),
                "spring.datasource.password", postgres.password(),
                "dharma.security.issuers[0].issuer-uri", TestIssuer.get().issuerUri());
    }

    private void stop() {
        registry.close();
        postgres.close();
        kafka.close();
        deleteRecursively(dir);
    }

    private static void deleteRecursively(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("dharma-test-stack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
