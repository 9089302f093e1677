package io.dharma.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Moves a consumer group back (or forward) to the first offset at or after a time, on every
 * partition of every topic the group has committed offsets on, so its consumers reprocess from
 * there. {@link #plan} only reads; {@link #execute} applies. Both refuse while the group has
 * active members. A partition with no record at or after the time goes to its end.
 */
public final class ConsumerGroupReset {

    private final ClusterAccess cluster;

    public ConsumerGroupReset(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    public GroupResetPlan plan(String groupId, Instant to) {
        try (Admin admin = cluster.admin()) {
            return plan(new ConsumerGroups(cluster, admin), groupId, to);
        }
    }

    public GroupResetPlan execute(String groupId, Instant to) {
        try (Admin admin = cluster.admin()) {
            ConsumerGroups groups = new ConsumerGroups(cluster, admin);
            GroupResetPlan plan = plan(groups, groupId, to);
            groups.alter(groupId, plan.partitions().stream()
                    .collect(Collectors.toMap(PartitionReset::partition, PartitionReset::target)));
            return new GroupResetPlan(groupId, to, plan.partitions(), true);
        }
    }

    private static GroupResetPlan plan(ConsumerGroups groups, String groupId, Instant to) {
        groups.requireNoActiveMembers(groupId);
        Map<TopicPartition, OffsetAndMetadata> committed = groups.committed(groupId);
        if (committed.isEmpty()) {
            throw new OperationException("Consumer group " + groupId + " has no committed offsets: nothing to reset");
        }
        Set<String> topics = committed.keySet().stream().map(TopicPartition::topic).collect(Collectors.toSet());
        List<TopicPartition> partitions = groups.partitionsOf(topics);
        Map<TopicPartition, Long> targets = groups.offsets(partitions, OffsetSpec.forTimestamp(to.toEpochMilli()));
        List<PartitionReset> resets = partitions.stream()
                .map(p -> new PartitionReset(p, committed.containsKey(p) ? committed.get(p).offset() : null, targets.get(p)))
                .toList();
        return new GroupResetPlan(groupId, to, resets, false);
    }
}
