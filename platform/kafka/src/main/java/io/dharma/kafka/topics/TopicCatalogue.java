package io.dharma.kafka.topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import io.dharma.topics.DharmaTopic;
import io.dharma.topics.TopicKind;

/**
 * The topics the platform needs, as configured: every {@link DharmaTopic} and its DLT with
 * partitions, replication and configs resolved from {@link DharmaTopicsProperties}.
 *
 * <p>A DLT has as many partitions as its topic, because Spring Kafka's
 * DeadLetterPublishingRecoverer publishes a failed record to the same partition number, and it
 * always keeps history, so nothing that failed is ever lost.
 */
public final class TopicCatalogue {

    private final DharmaTopicsProperties properties;

    public TopicCatalogue(DharmaTopicsProperties properties) {
        this.properties = properties;
    }

    /** Every topic to create: each public topic followed by its DLT, in catalogue order. */
    public List<TopicSpec> topics() {
        List<TopicSpec> topics = new ArrayList<>();
        for (DharmaTopic<?> topic : DharmaTopic.values()) {
            topics.add(spec(topic));
            topics.add(deadLetterSpec(topic));
        }
        return List.copyOf(topics);
    }

    public TopicSpec spec(DharmaTopic<?> topic) {
        Map<String, String> configs = baseConfigs(topic.kind());
        configs.putAll(properties.configsFor(topic));
        return new TopicSpec(topic.topicName(), topic, false, properties.partitions(),
                properties.replicationFactor(), configs);
    }

    public TopicSpec deadLetterSpec(DharmaTopic<?> topic) {
        return new TopicSpec(topic.deadLetterTopicName(), topic, true, properties.partitions(),
                properties.replicationFactor(), baseConfigs(TopicKind.EVENT));
    }

    /** The topics as Kafka admin requests, for KafkaAdmin or an Admin client. */
    public List<NewTopic> newTopics() {
        return topics().stream().map(TopicSpec::toNewTopic).toList();
    }

    private Map<String, String> baseConfigs(TopicKind kind) {
        Map<String, String> configs = new HashMap<>(kind.configs());
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(properties.effectiveMinInsyncReplicas()));
        // Stated on the topic rather than left to the broker's message.max.bytes, so the figure the
        // producers and the outbox are held to is the one the topic enforces, whatever the cluster's default.
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(properties.maxMessageBytes()));
        return configs;
    }
}
