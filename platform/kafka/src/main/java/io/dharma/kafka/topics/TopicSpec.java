package io.dharma.kafka.topics;

import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

import io.dharma.topics.DharmaTopic;

/**
 * Everything needed to create one topic.
 *
 * @param name              topic name
 * @param source            the public topic this is, or whose DLT this is
 * @param deadLetter        whether this is the DLT of {@code source}
 * @param partitions        partition count
 * @param replicationFactor replicas per partition
 * @param configs           topic-level configs
 */
public record TopicSpec(String name, DharmaTopic<?> source, boolean deadLetter, int partitions,
                        short replicationFactor, Map<String, String> configs) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    public NewTopic toNewTopic() {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicationFactor)
                .configs(new TreeMap<>(configs))
                .build();
    }
}
