package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.testing.SubmissionStream;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.kafka.processing.app.PipelineTestApplication;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;

/**
 * A consumer killed with SIGKILL in the middle of the stream (in its own JVM, transactions open)
 * and then restarted neither loses nor duplicates an output: counted by eventId, read as a
 * read_committed downstream consumer would.
 */
class ConsumerCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerCrashTest.class);
    private static final int BLUEPRINTS = 30;
    private static final int VERSIONS_PER_BLUEPRINT = 8;
    private static final int INPUTS = BLUEPRINTS * VERSIONS_PER_BLUEPRINT;
    // The dead consumer leaves the group after this; its open transaction is aborted after the
    // transaction timeout. Both short here so the restart does not wait for the defaults.
    // Small poll batches (one Kafka transaction each), so the kill finds some batches committed,
    // one open and more to come; with the default 500 the first poll could take every input.
    private static final String[] FAST_RECOVERY = {
            "--spring.kafka.consumer.properties.session.timeout.ms=6000",
            "--spring.kafka.producer.properties.transaction.timeout.ms=5000",
            "--spring.kafka.consumer.max-poll-records=10"};

    @Test
    void aConsumerKilledMidStreamAndRestartedNeitherLosesNorDuplicatesAnOutput() throws Exception {
        PipelineUnderTest pipeline = PipelineUnderTest.create();
        List<BlueprintSubmitted> inputs = IntStream.range(0, BLUEPRINTS)
                .mapToObj(i -> TestEvents.newBlueprintId())
                .flatMap(blueprintId -> IntStream.range(0, VERSIONS_PER_BLUEPRINT)
                        .mapToObj(version -> TestEvents.blueprint(blueprintId, "shop")))
                .toList();
        List<BlueprintSubmitted> published = SubmissionStream.withRedeliveries(inputs).published();
        TopicWriter.onStack().send(pipeline.inputTopic(), published, (BlueprintSubmitted value) -> value.getEnvelope().getBlueprintId());
        List<ConsumerRecord<String, byte[]>> publishedRecords = TopicProbe.onStack().readAllRaw(pipeline.inputTopic());

        Process consumer = startInOwnJvm(pipeline, concat(FAST_RECOVERY, "--test.delay-after-emit=50ms"));
        try {
            TopicProbe.onStack().await(pipeline.outputTopic(), committed -> committed.size() >= 30, Duration.ofSeconds(120));
        } finally {
            consumer.destroyForcibly();
            assertThat(consumer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        int committedAtKill = TopicProbe.onStack().readAll(pipeline.outputTopic()).size();
        assertThat(committedAtKill).as("killed mid-stream").isLessThan(INPUTS);

        try (ConfigurableApplicationContext restarted = pipeline.start(FAST_RECOVERY)) {
            TopicProbe.onStack().awaitConsumed(pipeline.group(), publishedRecords, Duration.ofSeconds(120));
        }
        // The killed instance's open transaction holds back read_committed readers (the last stable
        // offset) until the broker aborts it after transaction.timeout.ms, so wait for the count.
        TopicProbe.onStack().await(pipeline.outputTopic(), committed -> committed.size() >= INPUTS, Duration.ofSeconds(120));

        List<ConsumerRecord<String, GuardrailsEvaluated>> outputs = TopicProbe.onStack().readAll(pipeline.outputTopic());
        Set<UUID> outputEventIds = outputs.stream().map(r -> r.value().getEnvelope().getEventId()).collect(Collectors.toSet());
        Set<UUID> causes = outputs.stream().map(r -> r.value().getEnvelope().getCausationId()).collect(Collectors.toSet());
        int written = TopicProbe.onStack().uncommitted().readAll(pipeline.outputTopic()).size();
        LOG.info("{} inputs ({} published), {} outputs committed at the kill, {} committed in the end, {} written "
                + "including aborted transactions", INPUTS, published.size(), committedAtKill, outputs.size(), written);

        assertThat(outputEventIds).as("distinct output eventIds").hasSize(INPUTS);
        assertThat(outputs).as("no output eventId appears twice").hasSize(INPUTS);
        assertThat(causes).as("one output per input")
                .isEqualTo(inputs.stream().map(i -> i.getEnvelope().getEventId()).collect(Collectors.toSet()));
        assertThat(TopicProbe.onStack().readAllRaw(pipeline.inputDeadLetterTopic())).isEmpty();
    }

    private static Process startInOwnJvm(PipelineUnderTest pipeline, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(
                java, "-cp", System.getProperty("java.class.path"), PipelineTestApplication.class.getName()));
        command.addAll(pipeline.arguments(extra));
        Path log = Path.of("target", "consumer-crash-test-child.log");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static String[] concat(String[] first, String... second) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(second));
        return all.toArray(String[]::new);
    }
}
