package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.dharma.testing.ExampleBlueprints;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateRebuildTest {

    private static TestKafka kafka;

    @BeforeAll
    static void start() {
        kafka = new TestKafka();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void resetsInputsDeletesInternalTopicsAndLocalState(@TempDir Path stateDir) throws Exception {
        String app = TestKafka.uniqueName("state-app");
        String input = TestKafka.uniqueName("lifecycle");
        List<String> internal = List.of(app + "-dharma-tracking-changelog", app + "-KSTREAM-AGGREGATE-0000000004-repartition");
        kafka.createTopics(List.of(input, app + "-notes"), 2);
        kafka.createTopics(internal, 2);
        for (int i = 0; i < 6; i++) {
            kafka.send(input, "bp-" + i, ExampleBlueprints.submitted("aws-web-app.yaml", "team-s", "t" + i, "bp-" + i),
                    Instant.now().toEpochMilli(), "team-s");
        }
        kafka.consumeAndCommit(app, input, 6);
        Files.createDirectories(stateDir.resolve(app).resolve("0_1/rocksdb"));
        StateRebuild rebuild = new StateRebuild(TestKafka.cluster(), app);

        StateRebuildPlan plan = rebuild.execute(stateDir);

        assertThat(plan.internalTopics()).containsExactlyInAnyOrderElementsOf(internal);
        assertThat(plan.inputResets()).hasSize(2).allSatisfy(r -> assertThat(r.target()).isZero());
        assertThat(kafka.admin().listConsumerGroupOffsets(app).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .values()).allSatisfy(o -> assertThat(o.offset()).isZero());
        Set<String> topics = kafka.admin().listTopics().names().get(10, TimeUnit.SECONDS);
        assertThat(topics).doesNotContainAnyElementsOf(internal).contains(input, app + "-notes");
        assertThat(stateDir.resolve(app)).doesNotExist();
    }

    @Test
    void refusesWhileTheApplicationRuns() throws Exception {
        String app = TestKafka.uniqueName("state-app");
        String input = TestKafka.uniqueName("lifecycle");
        String changelog = app + "-store-changelog";
        kafka.createTopics(List.of(input, changelog), 1);

        try (KafkaConsumer<String, byte[]> running = kafka.activeMember(app, input)) {
            assertThatThrownBy(() -> new StateRebuild(TestKafka.cluster(), app).execute(null))
                    .isInstanceOf(OperationException.class)
                    .hasMessageContaining("active member");
        }
        assertThat(kafka.admin().listTopics().names().get(10, TimeUnit.SECONDS)).contains(changelog);
    }
}
