package io.dharma.launcher;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/** The end offset of every partition of some topics: what proves nothing more was written to them. */
public final class EndOffsets {

    private EndOffsets() {
    }

    public static Map<TopicPartition, Long> of(RunningPlatform platform, List<String> topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
            Map<TopicPartition, Long> offsets = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get()
                    .forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        }
    }
}
