package io.dharma.kafka.topics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.dharma.topics.DharmaTopic;

/** The catalogue creates its topics on a real KRaft broker through Spring Boot's KafkaAdmin. */
class TopicCreationTest {

    // A partition count other than the default proves the property reaches the broker.
    static final int PARTITIONS = 3;
    static final String OBSERVATIONS_RETENTION_MS = "604800000";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, DharmaTopicsAutoConfiguration.class))
            .withPropertyValues(
                    "spring.kafka.bootstrap-servers=" + SharedKafkaBroker.bootstrapServers(),
                    "spring.kafka.admin.fail-fast=true",
                    "dharma.kafka.topics.partitions=" + PARTITIONS,
                    "dharma.kafka.topics.configs.observations.retention.ms=" + OBSERVATIONS_RETENTION_MS);

    @Test
    void createsEveryTopicAndDeadLetterTopicWithItsPartitionsAndConfigs() throws Exception {
        runner.run(context -> assertThat(context).hasNotFailed());

        try (Admin admin = admin()) {
            Map<String, TopicDescription> descriptions = describe(admin);
            Map<String, Config> configs = describeConfigs(admin);

            assertThat(descriptions).containsOnlyKeys(DharmaTopic.allTopicNames());
            descriptions.values().forEach(description -> {
                assertThat(description.partitions()).as(description.name()).hasSize(PARTITIONS);
                assertThat(description.partitions().getFirst().replicas()).as(description.name()).hasSize(1);
            });
            DharmaTopic.allTopicNames().forEach(topic -> {
                Config config = configs.get(topic);
                assertThat(value(config, "cleanup.policy")).as(topic).isEqualTo("delete");
                assertThat(value(config, "retention.bytes")).as(topic).isEqualTo("-1");
                assertThat(value(config, "min.insync.replicas")).as(topic).isEqualTo("1");
                String expectedRetention = topic.equals("dharma.observations.v1") ? OBSERVATIONS_RETENTION_MS : "-1";
                assertThat(value(config, "retention.ms")).as(topic).isEqualTo(expectedRetention);
                assertThat(config.get("retention.ms").source()).as(topic)
                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            });
        }
    }

    @Test
    void startingAgainLeavesExistingTopicsAsTheyAre() throws Exception {
        runner.run(context -> assertThat(context).hasNotFailed());
        Map<String, Uuid> idsAfterFirstStart;
        try (Admin admin = admin()) {
            idsAfterFirstStart = topicIds(describe(admin));
        }

        runner.run(context -> assertThat(context).hasNotFailed());

        try (Admin admin = admin()) {
            Map<String, TopicDescription> descriptions = describe(admin);
            assertThat(topicIds(descriptions)).as("no topic was deleted and recreated").isEqualTo(idsAfterFirstStart);
            assertThat(descriptions.values()).allSatisfy(d -> assertThat(d.partitions()).hasSize(PARTITIONS));
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()));
    }

    private static Map<String, TopicDescription> describe(Admin admin) throws Exception {
        return admin.describeTopics(DharmaTopic.allTopicNames()).allTopicNames().get();
    }

    private static Map<String, Config> describeConfigs(Admin admin) throws Exception {
        List<ConfigResource> resources = DharmaTopic.allTopicNames().stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name))
                .toList();
        return admin.describeConfigs(resources).all().get().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    }

    private static String value(Config config, String name) {
        return config.get(name).value();
    }

    private static Map<String, Uuid> topicIds(Map<String, TopicDescription> descriptions) {
        return descriptions.values().stream()
                .collect(Collectors.toMap(TopicDescription::name, TopicDescription::topicId));
    }
}
