package io.dharma.launcher.cli;

import java.time.Duration;

import io.dharma.operations.ClusterAccess;
import picocli.CommandLine.Option;

/** Where the operator commands find Kafka and the registry: the embedded defaults of {@code dharma up}. */
public final class KafkaOptions {

    @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT",
            defaultValue = "${env:DHARMA_BOOTSTRAP_SERVER:-localhost:${env:DHARMA_KAFKA_PORT:-9092}}",
            description = "Kafka bootstrap servers (env DHARMA_BOOTSTRAP_SERVER, default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:DHARMA_REGISTRY_URL:-http://localhost:${env:DHARMA_REGISTRY_PORT:-8081}}",
            description = "Schema registry URL (env DHARMA_REGISTRY_URL, default ${DEFAULT-VALUE}).")
    String registryUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for Kafka or the registry before giving up (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    ClusterAccess cluster() {
        return new ClusterAccess(bootstrapServers, registryUrl, Duration.ofSeconds(timeoutSeconds));
    }
}
