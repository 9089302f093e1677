package io.dharma.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.ResourceObserved;

/** The catalogue's contract; the value serdes meet the real registry in streams-topology's topology tests. */
class DharmaTopicTest {

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
        assertThat(DharmaTopic.values()).allSatisfy(topic ->
                assertThat(topic.deadLetterTopicName()).isEqualTo(topic.topicName() + DharmaTopic.DEAD_LETTER_SUFFIX));
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
            assertThat(topic.kind()).isEqualTo(TopicKind.EVENT);
        });
        assertThat(DharmaTopic.SECURITY.lifecycle()).isFalse();
        assertThat(DharmaTopic.byTopicName("dharma.drift.v1")).contains(DharmaTopic.DRIFT);
        assertThat(DharmaTopic.byTopicName("dharma.drift.v1.dlt")).isEmpty();
    }

    @Test
    void everyTopicSchemaHasACatalogueEntry() throws IOException {
        try (Stream<Path> schemas = Files.list(Path.of("src/main/avro/topics"))) {
            assertThat(schemas.map(file -> file.getFileName().toString().replace(".avsc", "")))
                    .containsExactlyInAnyOrderElementsOf(
                            DharmaTopic.values().stream().map(topic -> topic.valueType().getSimpleName()).toList());
        }
    }

    @Test
    void findsAConstantByItsNameAsConfigurationSpellsIt() {
        assertThat(DharmaTopic.valueOf("OBSERVATIONS")).isSameAs(DharmaTopic.OBSERVATIONS);
        assertThat(DharmaTopic.valueOf("observations")).isSameAs(DharmaTopic.OBSERVATIONS);
        assertThat(DharmaTopic.values()).allSatisfy(topic -> assertThat(DharmaTopic.valueOf(topic.name())).isSameAs(topic));
        assertThatIllegalArgumentException().isThrownBy(() -> DharmaTopic.valueOf("dharma.drift.v1"));
    }

    @Test
    void keysAreStrings() {
        try (Serde<String> keys = DharmaTopic.SECURITY.keySerde()) {
            byte[] bytes = keys.serializer().serialize(DharmaTopic.SECURITY.topicName(), "tenant-a");
            assertThat(keys.deserializer().deserialize(DharmaTopic.SECURITY.topicName(), bytes)).isEqualTo("tenant-a");
        }
    }

    @Test
    void stateKindIsCompacted() {
        assertThat(TopicKind.STATE.configs()).containsExactlyEntriesOf(Map.of("cleanup.policy", "compact"));
    }
}
