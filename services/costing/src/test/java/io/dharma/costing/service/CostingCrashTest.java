package io.dharma.costing.service;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.costing.app.CostingApplication;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.SubmissionStream;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopicNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The costing service killed (SIGKILL, in its own JVM) while it works through a stream of
 * submissions and then restarted neither loses nor duplicates an estimate: counted by eventId.
 */
class CostingCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(CostingCrashTest.class);
    private static final int BLUEPRINTS = 30;
    private static final int VERSIONS = 10;
    private static final int INPUTS = BLUEPRINTS * VERSIONS;
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    @Test
    void killedMidStreamAndRestartedItNeitherLosesNorDuplicatesAnEstimate() throws Exception {
        String group = "dharma-costing-crash-" + UUID.randomUUID().toString().substring(0, 8);
        String[] settings = {
                "--dharma.costing.consumer-group=" + group,
                // the dead consumer leaves the group, and its open transaction is aborted, quickly
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.producer.properties.transaction.timeout.ms=5000"};
        SubmissionStream stream = SubmissionStream.ofExamples("crash-test", BLUEPRINTS, VERSIONS);
        List<BlueprintSubmitted> published = stream.published();
        Set<UUID> inputEventIds = stream.inputEventIds();
        int beforeKill = published.size() * 2 / 3;

        Process consumer = startInOwnJvm(settings);
        int committedAtKill;
        try {
            CostingServiceFixture.submit(published.subList(0, beforeKill));
            await().atMost(TIMEOUT).until(() -> estimatesOf(inputEventIds).size(), committed -> committed >= 30);
        } finally {
            consumer.destroyForcibly();
            assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        committedAtKill = estimatesOf(inputEventIds).size();
        CostingServiceFixture.submit(published.subList(beforeKill, published.size()));

        try (ConfigurableApplicationContext restarted = CostingServiceFixture.start(settings)) {
            await().atMost(TIMEOUT).until(() -> lag(group), lag -> lag == 0);
        }

        List<ConsumerRecord<String, CostEstimated>> estimates = estimatesOf(inputEventIds);
        LOG.info("{} submissions ({} published), {} estimates committed when the consumer was killed, {} in the end",
                INPUTS, published.size(), committedAtKill, estimates.size());
        assertThat(committedAtKill).as("killed mid-stream").isLessThan(INPUTS);
        assertThat(estimates).as("estimates (records)").hasSize(INPUTS);
        assertThat(estimates.stream().map(record -> record.value().getEnvelope().getEventId()).distinct())
                .as("distinct estimate eventIds").hasSize(INPUTS);
        assertThat(estimates.stream().map(record -> record.value().getEnvelope().getCausationId()).collect(Collectors.toSet()))
                .as("one estimate per submission").isEqualTo(inputEventIds);
    }

    /** Committed estimates caused by {@code causes}. */
    private static List<ConsumerRecord<String, CostEstimated>> estimatesOf(Set<UUID> causes) {
        return TopicProbe.onStack().<CostEstimated>readAll(DharmaTopicNames.COSTS).stream()
                .filter(record -> causes.contains(record.value().getEnvelope().getCausationId()))
                .toList();
    }

    /** Records of dharma.blueprints.v1 the group has not committed yet. */
    private static long lag(String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            int partitions = admin.describeTopics(List.of(DharmaTopicNames.BLUEPRINTS)).allTopicNames().get()
                    .get(DharmaTopicNames.BLUEPRINTS).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(DharmaTopicNames.BLUEPRINTS, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .mapToLong(end -> end.getValue().offset()
                            - (committed.get(end.getKey()) == null ? 0 : committed.get(end.getKey()).offset()))
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of " + group, e);
        }
    }

    private static Process startInOwnJvm(String... settings) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CostingApplication.class.getName()));
        command.addAll(CostingServiceFixture.arguments(settings));
        Path log = Path.of("target", "costing-crash-test-child.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
