package io.dharma.kafka.topics;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.dharma.topics.DharmaTopic;

/**
 * Settings of the topic catalogue, under {@code dharma.kafka.topics}.
 *
 * <pre>
 * dharma.kafka.topics.create=true                 # declare the topics to KafkaAdmin at start-up
 * dharma.kafka.topics.partitions=6                # every public topic and DLT
 * dharma.kafka.topics.replication-factor=3
 * dharma.kafka.topics.min-insync-replicas=2       # default: 2 when replication-factor >= 3, else 1
 * dharma.kafka.topics.configs.observations.retention.ms=2592000000
 * dharma.kafka.topics.max-message-bytes=1048576   # every topic and DLT, and the producers' max.request.size
 * </pre>
 *
 * There is one partition count for all topics on purpose: they are co-partitioned by blueprintId,
 * which Kafka Streams joins require.
 *
 * @param create            whether to create missing topics at start-up
 * @param partitions        partitions of every public topic and its DLT
 * @param replicationFactor replicas per partition (1 for the embedded single-node broker)
 * @param minInsyncReplicas replicas that must acknowledge a write with acks=all; null to derive it
 * @param configs           extra topic configs per public topic (not its DLT), overriding the
 *                          kind's defaults, for example a finite retention for observations
 * @param maxMessageBytes   the largest record the platform writes: every topic's and DLT's
 *                          {@code max.message.bytes} and, unless set explicitly, the platform
 *                          producers' {@code max.request.size}; the outbox refuses events that could
 *                          not fit (see {@link #maxEventBytes()}). Kafka's own default, 1 MiB
 */
@ConfigurationProperties("dharma.kafka.topics")
public record DharmaTopicsProperties(
        @DefaultValue("true") boolean create,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        Integer minInsyncReplicas,
        Map<DharmaTopic<?>, Map<String, String>> configs,
        @DefaultValue("1048576") int maxMessageBytes) {

    /**
     * Room kept under {@link #maxMessageBytes()} for what is added to a record after the outbox
     * measured it: tracing headers when it is sent, and the failure headers (a stack trace among
     * them) when a consumer dead-letters it, so its DLT record still fits.
     */
    public static final int HEADER_RESERVE_BYTES = 64 * 1024;

    public DharmaTopicsProperties {
        if (partitions < 1) {
            throw new IllegalArgumentException("dharma.kafka.topics.partitions must be >= 1 but was " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "dharma.kafka.topics.replication-factor must be >= 1 but was " + replicationFactor);
        }
        if (minInsyncReplicas != null && (minInsyncReplicas < 1 || minInsyncReplicas > replicationFactor)) {
            throw new IllegalArgumentException("dharma.kafka.topics.min-insync-replicas must be between 1 and "
                    + "the replication factor (" + replicationFactor + ") but was " + minInsyncReplicas);
        }
        if (maxMessageBytes < 2 * HEADER_RESERVE_BYTES) {
            throw new IllegalArgumentException("dharma.kafka.topics.max-message-bytes must be >= "
                    + 2 * HEADER_RESERVE_BYTES + " but was " + maxMessageBytes);
        }
        configs = configs == null ? Map.of() : Map.copyOf(configs);
    }

    /** Defaults for a single-node development broker. */
    public static DharmaTopicsProperties defaults() {
        return new DharmaTopicsProperties(true, 6, (short) 1, null, Map.of(), 1_048_576);
    }

    /**
     * The configured value, or one that tolerates a single broker being down without refusing
     * writes: 2 when there are at least 3 replicas, otherwise 1.
     */
    public int effectiveMinInsyncReplicas() {
        if (minInsyncReplicas != null) {
            return minInsyncReplicas;
        }
        return replicationFactor >= 3 ? 2 : 1;
    }

    /** The largest encoded event (key, value and headers, as the producer estimates a record) the outbox accepts. */
    public int maxEventBytes() {
        return maxMessageBytes - HEADER_RESERVE_BYTES;
    }

    /** Extra configs for one public topic; empty when none are set. */
    public Map<String, String> configsFor(DharmaTopic<?> topic) {
        return configs.getOrDefault(topic, Map.of());
    }
}
