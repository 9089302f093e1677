package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.dharma.testing.ExampleBlueprints;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TopicReplayTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final int RECORDS = 24;

    private static TestKafka kafka;
    private static String topic;
    private static final List<TestKafka.Written> written = new ArrayList<>();
    private static TestKafka.Written poison;

    private final TopicReplay replay = new TopicReplay(TestKafka.cluster());

    @BeforeAll
    static void writeTopic() throws Exception {
        kafka = new TestKafka();
        topic = TestKafka.uniqueName("replay");
        kafka.createTopic(topic, 3);
        for (int i = 0; i < RECORDS; i++) {
            String tenant = i % 3 == 0 ? "team-b" : "team-a";
            String blueprintId = "bp-" + (i % 5);
            written.add(kafka.send(topic, blueprintId,
                    ExampleBlueprints.submitted("aws-web-app.yaml", tenant, "trk-" + i, blueprintId),
                    T0.plusSeconds(i).toEpochMilli(), tenant));
        }
        poison = kafka.sendBytes(topic, "bp-poison", new byte[] {1, 0, 0, 0, 1, 2}, T0.plusSeconds(RECORDS).toEpochMilli(), null);
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void wholeTopicIsReadExactlyOnceInOffsetOrderPerPartitionAndDecoded() {
        List<ReplayedRecord> out = new ArrayList<>();

        ReplaySummary summary = replay.replay(ReplayRequest.wholeTopic(topic), out::add, ReplayProgress.NONE);

        assertThat(summary).isEqualTo(new ReplaySummary(RECORDS + 1, RECORDS, 1));
        assertThat(out).hasSize(RECORDS + 1);
        Map<Integer, List<Long>> offsetsByPartition = out.stream().collect(Collectors.groupingBy(
                ReplayedRecord::partition, Collectors.mapping(ReplayedRecord::offset, Collectors.toList())));
        Map<Integer, List<Long>> expected = TestKafka.concat(written, List.of(poison)).stream()
                .sorted(Comparator.comparingLong(TestKafka.Written::offset))
                .collect(Collectors.groupingBy(TestKafka.Written::partition,
                        Collectors.mapping(TestKafka.Written::offset, Collectors.toList())));
        assertThat(offsetsByPartition).isEqualTo(expected);
        assertThat(out.stream().filter(ReplayedRecord::decoded))
                .allSatisfy(r -> assertThat(json(r).at("/value/envelope/blueprintId").asString()).isEqualTo(r.key()));
    }

    @Test
    void undecodableRecordIsReportedWithItsReason() {
        List<ReplayedRecord> out = new ArrayList<>();

        replay.replay(new ReplayRequest(topic, null, null, "bp-poison", null), out::add, ReplayProgress.NONE);

        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.decoded()).isFalse();
            assertThat(r.offset()).isEqualTo(poison.offset());
            assertThat(json(r).get("value").isNull()).isTrue();
            assertThat(json(r).get("error").asString()).contains("magic byte");
        });
    }

    @Test
    void timeWindowReturnsOnlyTheRecordsInsideIt() {
        Instant from = T0.plusSeconds(5);
        Instant to = T0.plusSeconds(17);
        List<ReplayedRecord> out = new ArrayList<>();

        ReplaySummary summary = replay.replay(new ReplayRequest(topic, from, to, null, null), out::add, ReplayProgress.NONE);

        Set<Long> expectedTimestamps = written.stream().map(TestKafka.Written::timestamp)
                .filter(t -> t >= from.toEpochMilli() && t < to.toEpochMilli()).collect(Collectors.toSet());
        assertThat(expectedTimestamps).hasSize(12);
        assertThat(out).extracting(r -> r.timestamp().toEpochMilli()).containsExactlyInAnyOrderElementsOf(expectedTimestamps);
        assertThat(summary.matched()).isEqualTo(12);
        assertThat(summary.undecodable()).isZero();
    }

    @Test
    void keyAndTenantFiltersKeepOnlyTheirRecords() {
        List<ReplayedRecord> byKey = new ArrayList<>();
        List<ReplayedRecord> byTenant = new ArrayList<>();

        ReplaySummary keySummary = replay.replay(new ReplayRequest(topic, null, null, "bp-2", null), byKey::add, ReplayProgress.NONE);
        ReplaySummary tenantSummary = replay.replay(new ReplayRequest(topic, null, null, null, "team-b"), byTenant::add, ReplayProgress.NONE);

        assertThat(byKey).extracting(ReplayedRecord::offset).containsExactlyInAnyOrderElementsOf(
                written.stream().filter(w -> w.key().equals("bp-2")).map(TestKafka.Written::offset).toList());
        assertThat(keySummary.read()).isEqualTo(RECORDS + 1);
        assertThat(keySummary.matched()).isEqualTo(byKey.size());
        long teamB = written.stream().filter(w -> "team-b".equals(w.tenant())).count();
        assertThat(tenantSummary.matched()).isEqualTo(teamB);
        assertThat(byTenant.stream().filter(ReplayedRecord::decoded))
                .hasSize((int) teamB)
                .allSatisfy(r -> assertThat(json(r).at("/value/envelope/tenantId").asString()).isEqualTo("team-b"));
    }

    @Test
    void progressReachesTheTotal() {
        List<long[]> updates = new ArrayList<>();

        replay.replay(ReplayRequest.wholeTopic(topic), r -> { }, (read, done, total) -> updates.add(new long[] {read, done, total}));

        long[] last = updates.getLast();
        assertThat(last[0]).isEqualTo(RECORDS + 1);
        assertThat(last[1]).isEqualTo(last[2]).isEqualTo(RECORDS + 1);
    }

    @Test
    void replayNeverJoinsAGroupOrCommits() throws Exception {
        Set<String> before = groups();

        replay.replay(ReplayRequest.wholeTopic(topic), r -> { }, ReplayProgress.NONE);

        assertThat(groups()).isEqualTo(before);
        Map<String, Object> committedOnTopic = new HashMap<>();
        for (String group : before) {
            kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                    .keySet().stream().filter(p -> p.topic().equals(topic)).forEach(p -> committedOnTopic.put(group, p));
        }
        assertThat(committedOnTopic).isEmpty();
    }

    @Test
    void unknownTopicFailsClearly() {
        assertThatThrownBy(() -> replay.replay(ReplayRequest.wholeTopic("no-such-topic-x"), r -> { }, ReplayProgress.NONE))
                .isInstanceOf(OperationException.class)
                .hasMessageContaining("Unknown topic no-such-topic-x");
    }

    @Test
    void unreachableBrokerFailsClearly() {
        TopicReplay nowhere = new TopicReplay(new ClusterAccess("localhost:1", TestKafka.STACK.registryUrl(), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> nowhere.replay(ReplayRequest.wholeTopic(topic), r -> { }, ReplayProgress.NONE))
                .isInstanceOf(OperationException.class)
                .hasMessageContaining("Cannot reach Kafka at localhost:1");
    }

    @Test
    void windowMustBeOrdered() {
        assertThatThrownBy(() -> new ReplayRequest(topic, T0, T0, null, null))
                .isInstanceOf(OperationException.class).hasMessageContaining("must be before");
    }

    private static Set<String> groups() throws Exception {
        return kafka.admin().listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                .map(ConsumerGroupListing::groupId).collect(Collectors.toSet());
    }

    private static JsonNode json(ReplayedRecord record) {
        return JsonMapper.builder().build().readTree(record.toJsonLine());
    }
}
