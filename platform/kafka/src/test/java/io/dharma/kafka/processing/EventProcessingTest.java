package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.awaitility.Awaitility;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.kafka.TestStack;
import io.dharma.kafka.processing.app.ListenerAttempts;
import io.dharma.serde.WireFormat;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The processing machinery end to end on the real stack (KRaft broker, PostgreSQL, schema
 * registry): a test service consumes BlueprintSubmitted and emits GuardrailsEvaluated.
 *
 * <p>Every test publishes its inputs and then a sentinel with the same key: records of one key
 * are processed in order, so once the sentinel's output is committed, everything before it has
 * been fully handled (emitted, deduplicated or dead-lettered) and can be counted exactly.
 */
class EventProcessingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static PipelineUnderTest pipeline;
    private static ConfigurableApplicationContext service;

    @BeforeAll
    static void startService() {
        pipeline = PipelineUnderTest.create();
        service = pipeline.start();
    }

    @AfterAll
    static void stopService() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void oneInputGivesExactlyOneOutputLinkedToIt() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted input = TestEvents.blueprint(blueprintId, "shop");

        publishAndDrain(blueprintId, input);

        List<ConsumerRecord<String, GuardrailsEvaluated>> outputs = outputsCausedBy(input);
        assertThat(outputs).hasSize(1);
        ConsumerRecord<String, GuardrailsEvaluated> output = outputs.getFirst();
        assertThat(output.key()).isEqualTo(blueprintId);
        assertThat(output.value().getEnvelope().getTrackingId()).isEqualTo(input.getEnvelope().getTrackingId());
        assertThat(output.value().getEnvelope().getBlueprintId()).isEqualTo(blueprintId);
        assertThat(output.value().getEnvelope().getEventId()).isNotEqualTo(input.getEnvelope().getEventId());
        assertThat(output.value().getEnvelope().getProducer()).isEqualTo("guardrails-test");
        assertThat(processedEventIds()).contains(input.getEnvelope().getEventId());
    }

    @Test
    void theSameEventPublishedTwiceGivesOneOutput() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted input = TestEvents.blueprint(blueprintId, "shop");
        double deduplicatedBefore = count(ProcessingMetrics.DEDUPLICATED);

        publishAndDrain(blueprintId, input, input);

        assertThat(outputsCausedBy(input)).hasSize(1);
        assertThat(attempts(input)).as("the listener never saw the duplicate").isEqualTo(1);
        assertThat(count(ProcessingMetrics.DEDUPLICATED)).isEqualTo(deduplicatedBefore + 1);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirRawBytesAndTheStreamKeepsFlowing() {
        String blueprintId = TestEvents.newBlueprintId();
        List<byte[]> poison = List.of(
                "this is not avro".getBytes(StandardCharsets.UTF_8),
                concat(WireFormat.header(987_654), new byte[] {2, 4, 6}),       // schema id unknown to the registry
                concat(new byte[] {7, 0, 0, 0, 1}, new byte[] {2, 4, 6}));      // wrong magic byte
        List<RecordMetadata> sent = poison.stream()
                .map(bytes -> TopicWriter.onStack().sendRaw(new ProducerRecord<>(pipeline.inputTopic(), null, blueprintId, bytes,
                        List.<Header>of(new RecordHeader("origin", "test".getBytes(StandardCharsets.UTF_8))))))
                .toList();
        BlueprintSubmitted goodAfterPoison = TestEvents.blueprint(blueprintId, "shop");

        publishAndDrain(blueprintId, goodAfterPoison);

        assertThat(outputsCausedBy(goodAfterPoison)).as("the record after the poison still flows").hasSize(1);
        for (int i = 0; i < poison.size(); i++) {
            ConsumerRecord<String, byte[]> deadLetter = singleDeadLetterOf(sent.get(i));
            assertThat(deadLetter.value()).as("raw bytes of poison record %d", i).isEqualTo(poison.get(i));
            assertThat(deadLetter.key()).isEqualTo(blueprintId);
            assertThat(deadLetter.partition()).isEqualTo(sent.get(i).partition());
            assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(pipeline.inputTopic());
            assertThat(text(deadLetter, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(pipeline.group());
            assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN)).isEqualTo(DeserializationException.class.getName());
            assertThat(text(deadLetter, DeadLetterHandling.REASON_HEADER)).startsWith("Value cannot be deserialized");
            assertThat(text(deadLetter, "origin")).as("original headers are kept").isEqualTo("test");
        }
        assertThat(text(singleDeadLetterOf(sent.get(1)), DeadLetterHandling.REASON_HEADER)).contains("987654");
        assertThat(text(singleDeadLetterOf(sent.get(2)), DeadLetterHandling.REASON_HEADER)).contains("magic byte");
    }

    @Test
    void anUnprocessableEventIsDeadLetteredWithoutRetries() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted input = TestEvents.blueprint(blueprintId, "unprocessable-shop");
        RecordMetadata sent = TopicWriter.onStack().send(pipeline.inputTopic(), blueprintId, input);
        double deadLetteredBefore = deadLettered("unprocessable");

        drain(blueprintId);

        assertThat(attempts(input)).isEqualTo(1);
        assertThat(outputsCausedBy(input)).isEmpty();
        ConsumerRecord<String, byte[]> deadLetter = singleDeadLetterOf(sent);
        assertThat(text(deadLetter, DeadLetterHandling.REASON_HEADER))
                .isEqualTo("Unprocessable event: resource type compute.quantum is not in the catalogue");
        assertThat(text(deadLetter, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(UnprocessableEventException.class.getName());
        assertThat(longHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET)).isEqualTo(sent.offset());
        assertThat(intHeader(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION)).isEqualTo(sent.partition());
        assertThat(deadLetter.partition()).isEqualTo(sent.partition());
        assertThat(deadLetterValue(sent).getEnvelope().getEventId()).as("the DLT value is the event itself")
                .isEqualTo(input.getEnvelope().getEventId());
        assertThat(deadLettered("unprocessable")).isEqualTo(deadLetteredBefore + 1);
    }

    @Test
    void aFailureInTheMiddleOfABatchDeadLettersOnlyThatRecordAndTheOthersGiveExactlyOneOutputEach() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted before = TestEvents.blueprint(blueprintId, "shop");
        BlueprintSubmitted failing = TestEvents.blueprint(blueprintId, "unprocessable-shop");
        BlueprintSubmitted after = TestEvents.blueprint(blueprintId, "shop");

        publishAndDrain(blueprintId, before, failing, after);

        assertThat(outputsCausedBy(before)).as("the rolled-back attempt's output never commits").hasSize(1);
        assertThat(outputsCausedBy(after)).hasSize(1);
        assertThat(outputsCausedBy(failing)).isEmpty();
        assertThat(attempts(failing)).as("not retryable: one attempt, then the dead letter").isEqualTo(1);
        assertThat(processedEventIds()).contains(before.getEnvelope().getEventId(), after.getEnvelope().getEventId())
                .doesNotContain(failing.getEnvelope().getEventId());
    }

    @Test
    void aValidationFailureIsDeadLetteredWithoutRetries() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted input = TestEvents.blueprint(blueprintId, "invalid-shop");
        RecordMetadata sent = TopicWriter.onStack().send(pipeline.inputTopic(), blueprintId, input);

        drain(blueprintId);

        assertThat(attempts(input)).isEqualTo(1);
        assertThat(text(singleDeadLetterOf(sent), DeadLetterHandling.REASON_HEADER))
                .isEqualTo("Not retryable, IllegalArgumentException: region must not be empty");
    }

    @Test
    void aTransientFailureThatSucceedsOnTheSecondAttemptGivesOneOutputAndNoDeadLetter() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted input = TestEvents.blueprint(blueprintId, "flaky-shop");
        RecordMetadata sent = TopicWriter.onStack().send(pipeline.inputTopic(), blueprintId, input);

        drain(blueprintId);

        assertThat(attempts(input)).isEqualTo(2);
        assertThat(outputsCausedBy(input)).hasSize(1);
        assertThat(deadLettersOf(sent)).isEmpty();
    }

    @Test
    void aTransientFailureThatPersistsIsDeadLetteredAfterTheLastAttempt() {
        String blueprintId = TestEvents.newBlueprintId();
        BlueprintSubmitted input = TestEvents.blueprint(blueprintId, "broken-shop");
        RecordMetadata sent = TopicWriter.onStack().send(pipeline.inputTopic(), blueprintId, input);

        drain(blueprintId);

        assertThat(attempts(input)).isEqualTo(PipelineUnderTest.MAX_ATTEMPTS);
        assertThat(outputsCausedBy(input)).isEmpty();
        assertThat(text(singleDeadLetterOf(sent), DeadLetterHandling.REASON_HEADER))
                .isEqualTo("Failed 3 times, last with IllegalStateException: policy store unavailable");
        assertThat(processedEventIds()).doesNotContain(input.getEnvelope().getEventId());
    }

    @Test
    void emittingOutsideATransactionFailsLoudly() {
        EventPublisher events = service.getBean(EventPublisher.class);
        GuardrailsEvaluated verdict = GuardrailsEvaluated.newBuilder()
                .setEnvelope(TestEvents.blueprint(TestEvents.newBlueprintId(), "shop").getEnvelope())
                .setOutcome(io.dharma.events.GuardrailOutcome.PASSED)
                .setViolations(List.of())
                .setPoliciesEvaluated(0)
                .build();

        assertThatThrownBy(() -> events.emit(pipeline.outputTopic(), "bp", verdict))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a Kafka transaction");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static void publishAndDrain(String key, BlueprintSubmitted... inputs) {
        TopicWriter.onStack().send(pipeline.inputTopic(), List.of(inputs), value -> key);
        drain(key);
    }

    /** Publishes a sentinel on {@code key} and waits for its output: all earlier records of the key are done. */
    private static void drain(String key) {
        BlueprintSubmitted sentinel = TestEvents.blueprint(key, "sentinel");
        TopicWriter.onStack().send(pipeline.inputTopic(), key, sentinel);
        Awaitility.await().atMost(TIMEOUT).until(() -> outputsCausedBy(sentinel), outputs -> !outputs.isEmpty());
    }

    private static List<ConsumerRecord<String, GuardrailsEvaluated>> outputsCausedBy(BlueprintSubmitted input) {
        UUID eventId = input.getEnvelope().getEventId();
        return TopicProbe.onStack().<GuardrailsEvaluated>readAll(pipeline.outputTopic()).stream()
                .filter(output -> eventId.equals(output.value().getEnvelope().getCausationId()))
                .toList();
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersOf(RecordMetadata sent) {
        return TopicProbe.onStack().readAllRaw(pipeline.inputDeadLetterTopic()).stream()
                .filter(record -> longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET) == sent.offset()
                        && intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION) == sent.partition())
                .toList();
    }

    private static ConsumerRecord<String, byte[]> singleDeadLetterOf(RecordMetadata sent) {
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLettersOf(sent);
        assertThat(deadLetters).as("dead letters of %s", sent).hasSize(1);
        return deadLetters.getFirst();
    }

    private static BlueprintSubmitted deadLetterValue(RecordMetadata sent) {
        return (BlueprintSubmitted) TopicProbe.onStack().decode(pipeline.inputDeadLetterTopic(), singleDeadLetterOf(sent).value());
    }

    private static int attempts(BlueprintSubmitted input) {
        return service.getBean(ListenerAttempts.class).of(input.getEnvelope().getEventId());
    }

    private static List<UUID> processedEventIds() {
        return JdbcClient.create(TestStack.dataSource())
                .sql("select event_id from platform.processed_event where consumer_group = ?")
                .param(pipeline.group())
                .query(UUID.class)
                .list();
    }

    private static double count(String counter) {
        Counter found = service.getBean(MeterRegistry.class).find(counter).tag("listener", pipeline.group()).counter();
        return found == null ? 0 : found.count();
    }

    private static double deadLettered(String failure) {
        Counter found = service.getBean(MeterRegistry.class).find(ProcessingMetrics.DEAD_LETTERED)
                .tag("listener", pipeline.group()).tag("failure", failure).counter();
        return found == null ? 0 : found.count();
    }

    private static String text(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        assertThat(found).as("header %s", header).isNotNull();
        return new String(found.value(), StandardCharsets.UTF_8);
    }

    private static long longHeader(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? -1 : ByteBuffer.wrap(found.value()).getLong();
    }

    private static int intHeader(ConsumerRecord<?, ?> record, String header) {
        Header found = record.headers().lastHeader(header);
        return found == null ? -1 : ByteBuffer.wrap(found.value()).getInt();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
