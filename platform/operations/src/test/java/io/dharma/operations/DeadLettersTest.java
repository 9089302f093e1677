package io.dharma.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.processing.DeadLetterHandling;
import io.dharma.serde.AvroSerializer;
import io.dharma.serde.SchemaRegistryClient;
import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.TopicProbe;

/**
 * {@code dharma dlt list|redrive} underneath, on the embedded broker and registry: dead letters are
 * written by Spring Kafka's recoverer with the platform's headers, as the services write them.
 */
class DeadLettersTest {

    private static final String GROUP = "dharma-guardrails";

    private static TestKafka kafka;
    private static DefaultKafkaProducerFactory<String, byte[]> producers;
    private static DeadLetterPublishingRecoverer recoverer;

    @BeforeAll
    static void start() {
        kafka = new TestKafka();
        producers = new DefaultKafkaProducerFactory<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.STACK.bootstrapServers()), new StringSerializer(), new ByteArraySerializer());
        recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers), DeadLetterHandling::deadLetterPartition);
        recoverer.setHeadersFunction((record, exception) -> new RecordHeaders(List.of(new RecordHeader(
                DeadLetterHandling.REASON_HEADER, ("Failed 5 times, last with " + exception.getCause().getMessage())
                        .getBytes(StandardCharsets.UTF_8)))));
    }

    @AfterAll
    static void stop() {
        producers.destroy();
        kafka.close();
    }

    @Test
    void listsDeadLettersWithTheirFailureAndRedrivesTheChosenOnesToTheirTopicAndPartition() throws Exception {
        String topic = TestKafka.uniqueName("test.dlt-ops");
        kafka.createTopics(List.of(topic, topic + ".dlt"), 3);
        List<BlueprintSubmitted> events = new ArrayList<>();
        List<ConsumerRecord<String, byte[]>> originals = new ArrayList<>();
        try (SchemaRegistryClient registry = SchemaRegistryClient.create(TestKafka.STACK.registryUrl())) {
            AvroSerializer<BlueprintSubmitted> serializer = new AvroSerializer<>(registry);
            for (int i = 0; i < 3; i++) {
                BlueprintSubmitted event = ExampleBlueprints.submitted("aws-web-app.yaml", "team-dlt", "trk-dlt-" + i, "bp-dlt-" + i);
                events.add(event);
                originals.add(sendAndDeadLetter(topic, "bp-dlt-" + i, serializer.serialize(topic, event),
                        new IllegalStateException("policy store unavailable")));
            }
        }
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<String, byte[]> unreadable = sendAndDeadLetter(topic, "bp-dlt-x", garbage,
                new DeserializationException("failed to deserialize", garbage, false, new IllegalStateException("Unknown magic byte")));
        DeadLetters deadLetters = new DeadLetters(TestKafka.cluster());

        List<DeadLetters.DeadLetter> listed = deadLetters.list(topic);

        assertThat(listed).hasSize(4);
        String first = events.getFirst().getEnvelope().getEventId().toString();
        DeadLetters.DeadLetter letter = listed.stream().filter(l -> first.equals(l.eventId())).findFirst().orElseThrow();
        assertThat(letter.topic()).isEqualTo(topic + ".dlt");
        assertThat(letter.partition()).isEqualTo(originals.getFirst().partition());
        assertThat(letter.originalTopic()).isEqualTo(topic);
        assertThat(letter.originalPartition()).isEqualTo(originals.getFirst().partition());
        assertThat(letter.originalOffset()).isEqualTo(originals.getFirst().offset());
        assertThat(letter.consumerGroup()).isEqualTo(GROUP);
        assertThat(letter.reason()).isEqualTo("Failed 5 times, last with policy store unavailable");
        assertThat(letter.exception()).isEqualTo(IllegalStateException.class.getName());
        DeadLetters.DeadLetter unreadableLetter = listed.stream().filter(l -> "bp-dlt-x".equals(l.key())).findFirst().orElseThrow();
        assertThat(unreadableLetter.eventId()).isNull();
        assertThat(deadLetters.list(topic + ".dlt")).as("the DLT may be named itself").hasSize(4);

        DeadLetters.Redrive one = deadLetters.redrive(topic, new DeadLetters.Selection(false, Set.of(first), Set.of()));
        assertThat(one.read()).isEqualTo(4);
        assertThat(one.redriven()).extracting(DeadLetters.DeadLetter::eventId).containsExactly(first);
        List<ConsumerRecord<String, byte[]>> redriven = redriven(topic);
        assertThat(redriven).hasSize(1);
        assertThat(redriven.getFirst().value()).isEqualTo(originals.getFirst().value());
        assertThat(redriven.getFirst().key()).isEqualTo(originals.getFirst().key());
        assertThat(redriven.getFirst().partition()).isEqualTo(originals.getFirst().partition());
        assertThat(redriven.getFirst().headers().lastHeader("kafka_dlt-original-topic")).isNull();
        assertThat(redriven.getFirst().headers().lastHeader(DeadLetterHandling.REASON_HEADER)).isNull();
        assertThat(new String(redriven.getFirst().headers().lastHeader(DeadLetters.REDRIVEN_FROM_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo(topic + ".dlt-" + letter.partition() + "@" + letter.offset());

        DeadLetters.Redrive all = deadLetters.redrive(topic, new DeadLetters.Selection(true, Set.of(), Set.of()));
        assertThat(all.redriven()).as("--all leaves out what has no eventId").hasSize(3)
                .allSatisfy(l -> assertThat(l.eventId()).isNotNull());
        DeadLetters.Redrive byOffset = deadLetters.redrive(topic, new DeadLetters.Selection(false, Set.of(),
                Set.of(unreadableLetter.partition() + ":" + unreadableLetter.offset())));
        assertThat(byOffset.redriven()).extracting(DeadLetters.DeadLetter::key).containsExactly("bp-dlt-x");
        assertThat(redriven(topic)).hasSize(5);
        assertThat(deadLetters.list(topic)).as("dead letters stay in the DLT").hasSize(4);
    }

    @Test
    void aRedriveMustChooseAndAnUnknownTopicIsNamed() {
        assertThatThrownBy(() -> new DeadLetters.Selection(false, Set.of(), Set.of()))
                .isInstanceOf(OperationException.class).hasMessageContaining("--all");
        assertThatThrownBy(() -> new DeadLetters(TestKafka.cluster()).list(TestKafka.uniqueName("no.such.topic")))
                .isInstanceOf(OperationException.class).hasMessageContaining("Unknown topic");
    }

    /** Writes {@code value} to {@code topic}, then dead-letters that record as a listener in {@value #GROUP} would. */
    private static ConsumerRecord<String, byte[]> sendAndDeadLetter(String topic, String key, byte[] value, Exception failure)
            throws Exception {
        TestKafka.Written written = kafka.sendBytes(topic, key, value, System.currentTimeMillis(), "team-dlt");
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, written.partition(), written.offset(), key, value);
        recoverer.accept(record, null, new ListenerExecutionFailedException("Dead-lettered", GROUP, failure));
        return record;
    }

    /** Records on {@code topic} that a redrive wrote. */
    private static List<ConsumerRecord<String, byte[]>> redriven(String topic) {
        return TopicProbe.onStack().readAllRaw(topic).stream().filter(r -> {
            Header header = r.headers().lastHeader(DeadLetters.REDRIVEN_FROM_HEADER);
            return header != null;
        }).toList();
    }
}
