package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.dharma.testing.ExampleBlueprints;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConsumerGroupResetTest {

    private static final Instant T0 = Instant.parse("2026-03-03T08:00:00Z");
    private static final int RECORDS = 12;
    private static TestKafka kafka;
    private static String topic;
    private static final List<TestKafka.Written> written = new ArrayList<>();

    private final ConsumerGroupReset reset = new ConsumerGroupReset(TestKafka.cluster());

    @BeforeAll
    static void writeTopic() throws Exception {
        kafka = new TestKafka();
        topic = TestKafka.uniqueName("reset");
        kafka.createTopic(topic, 2);
        for (int i = 0; i < RECORDS; i++) {
            String key = "bp-" + i;
            written.add(kafka.send(topic, key, ExampleBlueprints.submitted("aws-web-app.yaml", "team-r", "trk-" + i, key),
                    T0.plusSeconds(i).toEpochMilli(), "team-r"));
        }
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void dryRunShowsCurrentAndTargetOffsetsAndChangesNothing() throws Exception {
        String group = TestKafka.uniqueName("group");
        kafka.consumeAndCommit(group, topic, RECORDS);
        Map<TopicPartition, Long> before = committed(group);

        GroupResetPlan plan = reset.plan(group, T0.plusSeconds(6));

        assertThat(plan.applied()).isFalse();
        assertThat(plan.partitions()).extracting(PartitionReset::partition)
                .containsExactly(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
        assertThat(plan.partitions()).allSatisfy(p -> {
            assertThat(p.current()).isEqualTo(before.get(p.partition()));
            assertThat(p.target()).isEqualTo(firstOffsetAtOrAfter(p.partition().partition(), T0.plusSeconds(6)));
        });
        assertThat(committed(group)).isEqualTo(before);
    }

    @Test
    void executeMovesTheGroupToTheTime() throws Exception {
        String group = TestKafka.uniqueName("group");
        kafka.consumeAndCommit(group, topic, RECORDS);

        GroupResetPlan plan = reset.execute(group, T0.plusSeconds(3));

        assertThat(plan.applied()).isTrue();
        assertThat(committed(group)).isEqualTo(plan.partitions().stream()
                .collect(Collectors.toMap(PartitionReset::partition, PartitionReset::target)));
        assertThat(committed(group).get(new TopicPartition(topic, 0)))
                .isEqualTo(firstOffsetAtOrAfter(0, T0.plusSeconds(3)));
    }

    @Test
    void refusesWhileTheGroupHasActiveMembers() throws Exception {
        String group = TestKafka.uniqueName("group");
        kafka.consumeAndCommit(group, topic, RECORDS);
        Map<TopicPartition, Long> before = committed(group);

        try (KafkaConsumer<String, byte[]> member = kafka.activeMember(group, topic)) {
            assertThatThrownBy(() -> reset.execute(group, T0))
                    .isInstanceOf(OperationException.class)
                    .hasMessageContaining("Consumer group " + group + " has 1 active member");
        }
        assertThat(committed(group)).isEqualTo(before);
    }

    @Test
    void groupWithoutOffsetsIsAnError() {
        assertThatThrownBy(() -> reset.plan("never-consumed-group", T0))
                .isInstanceOf(OperationException.class)
                .hasMessageContaining("has no committed offsets");
    }

    private static long firstOffsetAtOrAfter(int partition, Instant time) {
        return written.stream().filter(w -> w.partition() == partition && w.timestamp() >= time.toEpochMilli())
                .map(TestKafka.Written::offset).min(Comparator.naturalOrder())
                .orElseGet(() -> written.stream().filter(w -> w.partition() == partition)
                        .mapToLong(w -> w.offset() + 1).max().orElse(0));
    }

    private static Map<TopicPartition, Long> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = kafka.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}
