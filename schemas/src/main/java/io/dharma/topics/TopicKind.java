package io.dharma.topics;

import java.util.Map;

import org.apache.kafka.common.config.TopicConfig;

/** How a topic keeps its records. */
public enum TopicKind {

    /** Every record is kept forever (audit and replay): delete policy with no time or size limit. */
    EVENT(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1")),

    /** Only the latest record per key matters: log compaction. */
    STATE(Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

    private final Map<String, String> configs;

    TopicKind(Map<String, String> configs) {
        this.configs = configs;
    }

    /** Topic-level configs that give a topic this kind. */
    public Map<String, String> configs() {
        return configs;
    }
}
