package io.dharma.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * Makes the Kafka Streams application rebuild its state from the lifecycle topics, as Kafka's
 * application reset tool (kafka-streams-application-reset) does: with the application stopped,
 * its input offsets go back to the earliest, its internal topics ({@code <application.id>-...-changelog}
 * and {@code -repartition}) are deleted, and its local state directory must go too, else the
 * restarted application would restore the old state from disk.
 */
public final class StateRebuild {

    /** The Kafka Streams application id (and consumer group) of streams-topology. */
    public static final String APPLICATION_ID = "dharma-streams";

    private final ClusterAccess cluster;
    private final String applicationId;

    public StateRebuild(ClusterAccess cluster) {
        this(cluster, APPLICATION_ID);
    }

    public StateRebuild(ClusterAccess cluster, String applicationId) {
        this.cluster = cluster;
        this.applicationId = applicationId;
    }

    /** What {@link #execute} would do; refuses while the application runs. */
    public StateRebuildPlan plan() {
        try (Admin admin = cluster.admin()) {
            return plan(admin, new ConsumerGroups(cluster, admin), null);
        }
    }

    /**
     * Resets and deletes; {@code stateDir} is the Kafka Streams {@code state.dir}, whose
     * {@code <application.id>} subdirectory is deleted, or null to leave that to the user.
     */
    public StateRebuildPlan execute(Path stateDir) {
        try (Admin admin = cluster.admin()) {
            ConsumerGroups groups = new ConsumerGroups(cluster, admin);
            StateRebuildPlan plan = plan(admin, groups, stateDir);
            if (!plan.inputResets().isEmpty()) {
                groups.alter(applicationId, plan.inputResets().stream()
                        .collect(Collectors.toMap(PartitionReset::partition, PartitionReset::target)));
            }
            if (!plan.internalTopics().isEmpty()) {
                cluster.await(admin.deleteTopics(plan.internalTopics()).all(), "deleting " + plan.internalTopics());
            }
            if (plan.localStateDir() != null) {
                deleteRecursively(plan.localStateDir());
            }
            return new StateRebuildPlan(applicationId, plan.inputResets(), plan.internalTopics(), plan.localStateDir(), true);
        }
    }

    private StateRebuildPlan plan(Admin admin, ConsumerGroups groups, Path stateDir) {
        groups.requireNoActiveMembers(applicationId);
        Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed = groups.committed(applicationId);
        Set<String> inputs = committed.keySet().stream()
                .map(TopicPartition::topic).filter(t -> !isInternal(t)).collect(Collectors.toSet());
        List<TopicPartition> partitions = groups.partitionsOf(inputs);
        Map<TopicPartition, Long> earliest = groups.offsets(partitions, OffsetSpec.earliest());
        List<PartitionReset> resets = partitions.stream()
                .map(p -> new PartitionReset(p, committed.containsKey(p) ? committed.get(p).offset() : null, earliest.get(p)))
                .toList();
        List<String> internal = cluster.await(admin.listTopics().names(), "listing topics").stream()
                .filter(this::isInternal).sorted().toList();
        Path appDir = stateDir == null ? null : stateDir.resolve(applicationId);
        return new StateRebuildPlan(applicationId, resets, internal, appDir, false);
    }

    private boolean isInternal(String topic) {
        return topic.startsWith(applicationId + "-") && (topic.endsWith("-changelog") || topic.endsWith("-repartition"));
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the local state directory " + dir, e);
        }
    }
}
