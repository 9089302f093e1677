package io.dharma.operations;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/** What resets of consumer groups share: the refusal while a group has members, and its committed offsets. */
final class ConsumerGroups {

    private final ClusterAccess cluster;
    private final Admin admin;

    ConsumerGroups(ClusterAccess cluster, Admin admin) {
        this.cluster = cluster;
        this.admin = admin;
    }

    /**
     * Refuses while anyone is in the group: a running member would overwrite the reset offsets
     * with its own next commit, or be fenced mid-batch.
     */
    void requireNoActiveMembers(String groupId) {
        ConsumerGroupDescription description;
        try {
            description = cluster.await(admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId),
                    "describing consumer group " + groupId);
        } catch (OperationException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            throw e;
        }
        if (!description.members().isEmpty()) {
            throw new OperationException("Consumer group %s has %d active member(s) (%s); stop them first, then run this again"
                    .formatted(groupId, description.members().size(), description.members().stream()
                            .map(m -> m.clientId() + "@" + m.host()).sorted().collect(Collectors.joining(", "))));
        }
    }

    Map<TopicPartition, OffsetAndMetadata> committed(String groupId) {
        Map<TopicPartition, OffsetAndMetadata> committed = cluster.await(
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata(),
                "reading the committed offsets of " + groupId);
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                present.put(partition, offset);
            }
        });
        return present;
    }

    /** Every partition of the given topics, in topic then partition order. */
    List<TopicPartition> partitionsOf(Set<String> topics) {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions =
                cluster.await(admin.describeTopics(topics).allTopicNames(), "describing topics " + topics);
        return descriptions.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .toList();
    }

    /** Offsets by spec; a timestamp with no record at or after it resolves to the partition's end. */
    Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        ListOffsetsOptions readCommitted = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = cluster.await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)), readCommitted).all(), "listing offsets");
        Map<TopicPartition, Long> offsets = new HashMap<>();
        List<TopicPartition> missing = new java.util.ArrayList<>();
        found.forEach((partition, info) -> {
            if (info.offset() < 0) {
                missing.add(partition);
            } else {
                offsets.put(partition, info.offset());
            }
        });
        if (!missing.isEmpty()) {
            offsets.putAll(offsets(missing, OffsetSpec.latest()));
        }
        return offsets;
    }

    void alter(String groupId, Map<TopicPartition, Long> offsets) {
        cluster.await(admin.alterConsumerGroupOffsets(groupId, offsets.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())))).all(),
                "resetting the offsets of " + groupId);
    }
}
