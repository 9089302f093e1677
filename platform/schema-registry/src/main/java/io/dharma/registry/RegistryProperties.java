package io.dharma.registry;

import java.time.Duration;
import java.util.Map;

import io.dharma.registry.core.CompatibilityLevel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code dharma.registry.*}: where the registry keeps its schemas. Environment variables
 * override as usual ({@code DHARMA_REGISTRY_BOOTSTRAP_SERVERS}, {@code DHARMA_REGISTRY_TOPIC}, ...).
 *
 * @param bootstrapServers  Kafka cluster holding the schema topic (required)
 * @param topic             the compacted single-partition schema topic
 * @param replicationFactor for a newly created topic; 0 means min(3, brokers)
 * @param timeout           for Kafka operations: start-up replay, each write and its read-back
 * @param defaultCompatibility the global level until one is set through {@code PUT /config}
 * @param kafka             extra Kafka client properties (security settings, for example)
 * @param writeToken        standalone only: the bearer token that may register, configure and delete
 *                          ({@code DHARMA_REGISTRY_WRITE_TOKEN}); unset, nobody writes. Embedded, the
 *                          host decides ({@link WriteAccess}).
 */
@ConfigurationProperties("dharma.registry")
public record RegistryProperties(
        String bootstrapServers,
        String topic,
        Short replicationFactor,
        Duration timeout,
        CompatibilityLevel defaultCompatibility,
        Map<String, String> kafka,
        String writeToken) {

    public RegistryProperties {
        topic = topic == null || topic.isBlank() ? "_schemas" : topic;
        replicationFactor = replicationFactor == null ? 0 : replicationFactor;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        defaultCompatibility = defaultCompatibility == null ? CompatibilityLevel.BACKWARD : defaultCompatibility;
        kafka = kafka == null ? Map.of() : Map.copyOf(kafka);
        writeToken = writeToken == null || writeToken.isBlank() ? null : writeToken;
    }
}
