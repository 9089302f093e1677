package io.dharma.kafka.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.ResourceObserved;

class TopicCatalogueTest {

    @Test
    void listsEveryPublicTopicFollowedByItsDeadLetterTopic() {
        assertThat(DharmaTopic.allTopicNames()).containsExactly(
                "dharma.blueprints.v1", "dharma.blueprints.v1.dlt",
                "dharma.iac.v1", "dharma.iac.v1.dlt",
                "dharma.guardrails.v1", "dharma.guardrails.v1.dlt",
                "dharma.costs.v1", "dharma.costs.v1.dlt",
                "dharma.deployments.v1", "dharma.deployments.v1.dlt",
                "dharma.observations.v1", "dharma.observations.v1.dlt",
                "dharma.drift.v1", "dharma.drift.v1.dlt",
                "dharma.security.v1", "dharma.security.v1.dlt");
        assertThat(new TopicCatalogue(DharmaTopicsProperties.defaults()).topics())
                .extracting(TopicSpec::name)
                .containsExactlyElementsOf(DharmaTopic.allTopicNames());
    }

    @Test
    void describesEachTopicsContract() {
        assertThat(DharmaTopic.DEPLOYMENTS.valueType()).isEqualTo(DeploymentEvent.class);
        assertThat(DharmaTopic.DEPLOYMENTS.valueSchema()).isEqualTo(DeploymentEvent.getClassSchema());
        assertThat(DharmaTopic.DEPLOYMENTS.valueSubject()).isEqualTo("dharma.deployments.v1-value");
        assertThat(DharmaTopic.OBSERVATIONS.valueType()).isEqualTo(ResourceObserved.class);
        assertThat(DharmaTopic.values()).allSatisfy(topic -> {
            assertThat(topic.keyDescription()).startsWith(topic.lifecycle() ? "blueprintId" : "tenantId");
            assertThat(topic.valueSchema().getField("envelope")).as("%s carries the envelope", topic).isNotNull();
        });
        assertThat(DharmaTopic.SECURITY.lifecycle()).isFalse();
        assertThat(DharmaTopic.byTopicName("dharma.drift.v1")).contains(DharmaTopic.DRIFT);
        assertThat(DharmaTopic.byTopicName("dharma.drift.v1.dlt")).isEmpty();
    }

    @Test
    void eventTopicsAndTheirDeadLetterTopicsKeepHistoryForever() {
        TopicCatalogue catalogue = new TopicCatalogue(DharmaTopicsProperties.defaults());

        assertThat(catalogue.topics()).allSatisfy(spec -> {
            assertThat(spec.partitions()).isEqualTo(6);
            assertThat(spec.replicationFactor()).isEqualTo((short) 1);
            assertThat(spec.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "cleanup.policy", "delete",
                    "retention.ms", "-1",
                    "retention.bytes", "-1",
                    "min.insync.replicas", "1",
                    "max.message.bytes", "1048576"));
        });
    }

    @Test
    void stateKindIsCompacted() {
        assertThat(TopicKind.STATE.configs()).containsExactlyEntriesOf(Map.of("cleanup.policy", "compact"));
    }

    @Test
    void appliesConfiguredPartitionsReplicationAndPerTopicConfigs() {
        DharmaTopicsProperties properties = new DharmaTopicsProperties(true, 12, (short) 3, null,
                Map.of(DharmaTopic.OBSERVATIONS, Map.of("retention.ms", "604800000")), 2_097_152);
        TopicCatalogue catalogue = new TopicCatalogue(properties);

        TopicSpec observations = catalogue.spec(DharmaTopic.OBSERVATIONS);
        assertThat(observations.configs())
                .containsEntry("retention.ms", "604800000")
                .containsEntry("cleanup.policy", "delete")
                .containsEntry("min.insync.replicas", "2");
        assertThat(catalogue.deadLetterSpec(DharmaTopic.OBSERVATIONS).configs())
                .as("a DLT keeps everything whatever its topic's retention")
                .containsEntry("retention.ms", "-1");
        assertThat(catalogue.spec(DharmaTopic.DRIFT).configs()).containsEntry("retention.ms", "-1");
        assertThat(catalogue.topics()).allSatisfy(spec -> {
            assertThat(spec.configs()).containsEntry("max.message.bytes", "2097152");
            assertThat(spec.partitions()).isEqualTo(12);
            assertThat(spec.replicationFactor()).isEqualTo((short) 3);
        });
    }

    @Test
    void convertsToAdminRequests() {
        NewTopic newTopic = new TopicCatalogue(DharmaTopicsProperties.defaults())
                .deadLetterSpec(DharmaTopic.COSTS).toNewTopic();

        assertThat(newTopic.name()).isEqualTo("dharma.costs.v1.dlt");
        assertThat(newTopic.numPartitions()).isEqualTo(6);
        assertThat(newTopic.replicationFactor()).isEqualTo((short) 1);
        assertThat(newTopic.configs()).containsEntry("retention.ms", "-1");
    }

    @Test
    void derivesMinInsyncReplicasSoOneBrokerMayBeDown() {
        assertThat(withReplication(1, null).effectiveMinInsyncReplicas()).isEqualTo(1);
        assertThat(withReplication(2, null).effectiveMinInsyncReplicas()).isEqualTo(1);
        assertThat(withReplication(3, null).effectiveMinInsyncReplicas()).isEqualTo(2);
        assertThat(withReplication(5, 3).effectiveMinInsyncReplicas()).isEqualTo(3);
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThatThrownBy(() -> new DharmaTopicsProperties(true, 0, (short) 1, null, null, 1_048_576))
                .hasMessageContaining("partitions");
        assertThatThrownBy(() -> withReplication(0, null)).hasMessageContaining("replication-factor");
        assertThatThrownBy(() -> new DharmaTopicsProperties(true, 6, (short) 1, null, null, 1000))
                .hasMessageContaining("max-message-bytes");
        assertThatThrownBy(() -> withReplication(1, 2)).hasMessageContaining("min-insync-replicas");
    }

    private static DharmaTopicsProperties withReplication(int replicationFactor, Integer minInsync) {
        return new DharmaTopicsProperties(true, 6, (short) replicationFactor, minInsync, null, 1_048_576);
    }
}
