package io.dharma.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import io.dharma.costing.CostingAutoConfiguration;
import io.dharma.embedded.EmbeddedKafkaBroker;
import io.dharma.generator.GeneratorAutoConfiguration;
import io.dharma.guardrails.GuardrailsAutoConfiguration;
import io.dharma.intake.IntakeAutoConfiguration;
import io.dharma.notifier.NotifierAutoConfiguration;
import io.dharma.orchestrator.OrchestratorAutoConfiguration;
import io.dharma.registry.EmbeddedSchemaRegistry;
import io.dharma.sandbox.SandboxAutoConfiguration;
import io.dharma.streams.app.StreamsApplication;
import io.dharma.streams.runtime.DharmaStreams;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The read side under load: an embedded KRaft broker, the schema registry and one or more
 * instances of the standalone streams application (Kafka Streams topology and query API), all in
 * this JVM on free ports. No PostgreSQL and no services: the streams application only reads topics,
 * which the bench fills itself.
 */
final class StreamsCluster implements AutoCloseable {

    /** The other services' auto-configurations are on the bench's classpath (via the launcher); this is the streams app alone. */
    static final String EXCLUDED_SERVICES = String.join(",", Stream.of(IntakeAutoConfiguration.class,
            GeneratorAutoConfiguration.class, GuardrailsAutoConfiguration.class, CostingAutoConfiguration.class,
            SandboxAutoConfiguration.class, OrchestratorAutoConfiguration.class, NotifierAutoConfiguration.class)
            .map(Class::getName).toList());

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private EmbeddedKafkaBroker kafka;
    private EmbeddedSchemaRegistry registry;

    private StreamsCluster() {
    }

    static StreamsCluster start(int instanceCount) {
        StreamsCluster cluster = new StreamsCluster();
        try {
            Path home = Files.createTempDirectory("dharma-bench-state");
            cluster.kafka = cluster.push(EmbeddedKafkaBroker.start(home, 0));
            cluster.registry = cluster.push(EmbeddedSchemaRegistry.start(cluster.kafka.bootstrapServers(), 0));
            for (int i = 0; i < instanceCount; i++) {
                ConfigurableApplicationContext instance = cluster.startInstance(home.resolve("state-" + i));
                cluster.push(instance::close);
                cluster.instances.add(instance);
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private ConfigurableApplicationContext startInstance(Path stateDir) {
        List<String> args = List.of(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--dharma.schema-registry.url=" + registry.url(),
                "--server.port=0",
                "--dharma.security.issuers[0].issuer-uri=" + BenchCredentials.issuerUri(),
                "--dharma.streams.state-dir=" + stateDir,
                "--spring.autoconfigure.exclude=" + EXCLUDED_SERVICES,
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false");
        // As arguments: they must beat streams.yaml, which default properties would not.
        return new SpringApplicationBuilder(StreamsApplication.class)
                .properties(StreamsApplication.CONFIG_NAME)
                .registerShutdownHook(false)
                .logStartupInfo(false)
                .run(args.toArray(String[]::new));
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    String registryUrl() {
        return registry.url();
    }

    /** The Kafka Streams application id, which is also its consumer group. */
    String applicationId() {
        return instances.getFirst().getBean(DharmaStreams.class).applicationId();
    }

    int size() {
        return instances.size();
    }

    String baseUrl(int instance) {
        return "http://localhost:" + ((WebServerApplicationContext) instances.get(instance)).getWebServer().getPort();
    }

    /**
     * Waits until every instance is RUNNING and knows all the others, so the partitions are
     * assigned for good before the stores are filled.
     */
    void awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the streams instances are not all RUNNING after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private boolean allRunning() {
        for (ConfigurableApplicationContext instance : instances) {
            DharmaStreams streams = instance.getBean(DharmaStreams.class);
            if (streams.state() != KafkaStreams.State.RUNNING
                    || streams.running().metadataForAllStreamsClients().size() != instances.size()) {
                return false;
            }
        }
        return true;
    }

    /** The index of the instance hosting {@code key} of {@code store} (its active task), as Kafka Streams metadata says. */
    int hostOf(String store, String key) {
        DharmaStreams streams = instances.getFirst().getBean(DharmaStreams.class);
        KeyQueryMetadata metadata = streams.running().queryMetadataForKey(store, key, Serdes.String().serializer());
        for (int i = 0; i < instances.size(); i++) {
            if (instances.get(i).getBean(DharmaStreams.class).self().equals(metadata.activeHost())) {
                return i;
            }
        }
        throw new IllegalStateException("no instance hosts " + key + " of " + store + " (" + metadata + ")");
    }

    private <T extends AutoCloseable> T push(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("error while stopping the bench's state cluster: " + e);
            }
        }
    }
}
