package io.dharma.operations;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dharma.serde.SchemaRegistryClient;
import io.dharma.serde.SchemaRegistryException;
import io.dharma.topics.DharmaTopic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

/** The public topics and their DLTs (catalogue order), with what the cluster and registry say about each. */
public final class TopicCatalogueReport {

    private final ClusterAccess cluster;

    public TopicCatalogueReport(ClusterAccess cluster) {
        this.cluster = cluster;
    }

    public List<TopicReport> report() {
        try (Admin admin = cluster.admin(); SchemaRegistryClient registry = cluster.registry()) {
            Set<String> existing = cluster.await(admin.listTopics().names(), "listing topics");
            List<String> names = DharmaTopic.allTopicNames().stream().filter(existing::contains).toList();
            Map<String, TopicDescription> descriptions = names.isEmpty() ? Map.of()
                    : cluster.await(admin.describeTopics(names).allTopicNames(), "describing topics");
            Map<ConfigResource, Config> configs = names.isEmpty() ? Map.of()
                    : cluster.await(admin.describeConfigs(names.stream()
                            .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all(), "reading topic configs");
            Map<String, Long> endOffsets = endOffsetSums(admin, descriptions.values());
            List<TopicReport> reports = new ArrayList<>();
            for (String name : DharmaTopic.allTopicNames()) {
                boolean deadLetter = name.endsWith(DharmaTopic.DEAD_LETTER_SUFFIX);
                String subject = name + "-value";
                if (!descriptions.containsKey(name)) {
                    reports.add(new TopicReport(name, deadLetter, false, 0, null, null, subject, latestVersion(registry, subject), 0));
                    continue;
                }
                Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
                reports.add(new TopicReport(name, deadLetter, true, descriptions.get(name).partitions().size(),
                        value(config, TopicConfig.RETENTION_MS_CONFIG), value(config, TopicConfig.CLEANUP_POLICY_CONFIG),
                        subject, latestVersion(registry, subject), endOffsets.getOrDefault(name, 0L)));
            }
            return reports;
        }
    }

    private Map<String, Long> endOffsetSums(Admin admin, Collection<TopicDescription> topics) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        topics.forEach(t -> t.partitions().forEach(p -> request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
        if (request.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                cluster.await(admin.listOffsets(request).all(), "reading end offsets");
        Map<String, Long> sums = new HashMap<>();
        offsets.forEach((partition, info) -> sums.merge(partition.topic(), info.offset(), Long::sum));
        return sums;
    }

    private static String value(Config config, String name) {
        return config == null || config.get(name) == null ? null : config.get(name).value();
    }

    private static Integer latestVersion(SchemaRegistryClient registry, String subject) {
        try {
            return registry.getLatestVersion(subject).version();
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
                return null;
            }
            if (e.errorCode() == 0) {
                throw new OperationException("Cannot reach the schema registry (--registry-url): " + e.getMessage(), e);
            }
            throw new OperationException("Schema registry failed for subject " + subject + ": " + e.getMessage(), e);
        }
    }
}
