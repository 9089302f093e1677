package io.dharma.costing.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.TopicWriter;
import io.dharma.topics.DharmaTopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The costing service as a container runs it, with Spring Boot's structured logging switched on
 * ({@code logging.structured.format.console=ecs}): a line logged while a record is handled is JSON
 * carrying the record's tenant, trackingId, blueprintId and eventId and the traceId and spanId of its
 * processing span, and none of the record's identifiers stays behind on a line the same listener logs later.
 */
@ExtendWith(OutputCaptureExtension.class)
class CostingLogsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void linesLoggedWhileARecordIsHandledCarryItsIdentifiers(CapturedOutput output) {
        String blueprintId = "bp-" + UUID.randomUUID();
        BlueprintSubmitted submission = ExampleBlueprints.submitted("aws-web-app.yaml", "costing-logs-test",
                "trk-" + UUID.randomUUID(), blueprintId);
        Envelope envelope = submission.getEnvelope();

        try (ConfigurableApplicationContext service = CostingServiceFixture.start(
                "--logging.structured.format.console=ecs",
                "--logging.level.io.dharma.kafka.processing.Reaction=debug")) {
            CostingServiceFixture.submit(submission);
            // Same key, so after the submission: its dead letter is logged by the same listener later on.
            RecordMetadata poison = TopicWriter.onStack().sendRaw(new ProducerRecord<>(DharmaTopicNames.BLUEPRINTS,
                    blueprintId, "not Avro".getBytes(StandardCharsets.UTF_8)));
            String deadLettered = "Dead-lettered " + poison.topic() + "-" + poison.partition() + "@" + poison.offset() + " ";

            JsonNode later = await().atMost(TIMEOUT).until(() -> lines(output, deadLettered), lines -> !lines.isEmpty()).getFirst();
            JsonNode answered = lines(output, "Answered BlueprintSubmitted with CostEstimated").stream()
                    .filter(line -> envelope.getTrackingId().equals(line.path("trackingId").asString(null)))
                    .findFirst().orElseThrow(() -> new AssertionError("no JSON line answering " + envelope.getTrackingId()));

            assertThat(answered.path("service").path("name").asString(null)).isEqualTo("dharma-costing");
            assertThat(answered.path("tenant").asString(null)).isEqualTo("costing-logs-test");
            assertThat(answered.path("blueprintId").asString(null)).isEqualTo(blueprintId);
            assertThat(answered.path("eventId").asString(null)).isEqualTo(envelope.getEventId().toString());
            assertThat(answered.path("kafkaRecord").asString(null)).startsWith(DharmaTopicNames.BLUEPRINTS + "-");
            // Tracing is on (dharma-service.yaml): the line names the span the record is processed in.
            assertThat(answered.path("traceId").asString("")).matches("[0-9a-f]{32}");
            assertThat(answered.path("spanId").asString("")).matches("[0-9a-f]{16}");
            assertThat(later.path("process").path("thread").path("name").asString(null))
                    .isEqualTo(answered.path("process").path("thread").path("name").asString(null));
            // The dead letter's line names its own record, which has no envelope, and nothing of the submission's.
            assertThat(later.path("kafkaRecord").asString(null))
                    .isEqualTo(poison.topic() + "-" + poison.partition() + "@" + poison.offset());
            assertThat(later.has("trackingId")).as("trackingId left on " + later).isFalse();
            assertThat(later.has("tenant")).as("tenant left on " + later).isFalse();
            assertThat(later.has("blueprintId")).as("blueprintId left on " + later).isFalse();
            assertThat(later.has("eventId")).as("eventId left on " + later).isFalse();
        }
    }

    /**
     * The console's JSON lines whose message starts with {@code prefix}; the embedded stack logs plain
     * text before the service configures logging.
     */
    private static List<JsonNode> lines(CapturedOutput output, String prefix) {
        return output.getOut().lines().filter(line -> line.startsWith("{")).flatMap(CostingLogsTest::json)
                .filter(line -> line.path("message").asString("").startsWith(prefix))
                .toList();
    }

    private static Stream<JsonNode> json(String line) {
        try {
            return Stream.of(JSON.readTree(line));
        } catch (JacksonException notJson) {
            return Stream.empty();
        }
    }
}
