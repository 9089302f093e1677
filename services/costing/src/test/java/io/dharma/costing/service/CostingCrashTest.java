package io.dharma.costing.service;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.costing.app.CostingApplication;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.topics.DharmaTopicNames;
import io.dharma.testing.SubmissionStream;
import io.dharma.testing.TopicProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
            TopicProbe.onStack().awaitConsumed(group, submitted(inputEventIds), TIMEOUT);
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

    /** The records of dharma.blueprints.v1 that are the submissions {@code inputEventIds}. */
    private static List<ConsumerRecord<String, BlueprintSubmitted>> submitted(Set<UUID> inputEventIds) {
        return TopicProbe.onStack().<BlueprintSubmitted>readAll(DharmaTopicNames.BLUEPRINTS).stream()
                .filter(record -> inputEventIds.contains(record.value().getEnvelope().getEventId()))
                .toList();
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
