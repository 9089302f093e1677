package io.dharma.bench;

import io.dharma.topics.DharmaTopicNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the streams application (its consumer group = its application id) has consumed the
 * lifecycle topics and its own repartition topics, from the group's committed offsets.
 */
final class ConsumedOffsets implements AutoCloseable {

    private static final List<String> INPUTS = List.of(DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.IAC,
            DharmaTopicNames.GUARDRAILS, DharmaTopicNames.COSTS, DharmaTopicNames.DEPLOYMENTS, DharmaTopicNames.OBSERVATIONS);

    private final Admin admin;
    private final String applicationId;

    ConsumedOffsets(String bootstrapServers, String applicationId) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.applicationId = applicationId;
    }

    /**
     * The sum of the group's committed offsets when it has caught up with every partition it
     * reads, else -1. Caught up: committed = end offset on the input topics; on the repartition
     * topics, which the application writes in transactions, one less is allowed too (the last
     * transaction's commit marker, which a consumer never commits past until it reads a record
     * after it).
     */
    long committedWhenCaughtUp() throws Exception {
        Set<String> topics = admin.listTopics().names().get().stream()
                .filter(name -> INPUTS.contains(name) || isRepartition(name))
                .collect(Collectors.toSet());
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get();
        var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long sum = 0;
        for (TopicPartition partition : latest.keySet()) {
            long end = ends.get(partition).offset();
            OffsetAndMetadata offset = committed.get(partition);
            long at = offset == null ? 0 : offset.offset();
            long behind = end - at;
            if (behind > (isRepartition(partition.topic()) ? 1 : 0)) {
                return -1;
            }
            sum += at;
        }
        return sum;
    }

    private boolean isRepartition(String topic) {
        return topic.startsWith(applicationId + "-") && topic.endsWith("-repartition");
    }

    @Override
    public void close() {
        admin.close();
    }
}
