package io.dharma.kafka.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import io.dharma.topics.DharmaTopic;

class TopicCatalogueTest {

    @Test
    void createsEveryCatalogueTopicAndItsDeadLetterTopic() {
        assertThat(new TopicCatalogue(DharmaTopicsProperties.defaults()).topics())
                .extracting(TopicSpec::name)
                .containsExactlyElementsOf(DharmaTopic.allTopicNames());
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
