package io.dharma.launcher;

import static io.dharma.launcher.TopicReader.causationId;
import static io.dharma.launcher.TopicReader.eventId;
import static io.dharma.launcher.TopicReader.field;
import static io.dharma.launcher.TopicReader.trackingId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.ExampleBlueprints;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Pipeline stage one on the embedded stack, all services in one JVM as `./dharma up` runs them:
 * intake -> dharma.blueprints.v1 -> generator, guardrails and cost estimator -> their topics.
 */
class StageOneEndToEndTest {

    private static final String BLUEPRINTS = "dharma.blueprints.v1";
    private static final List<String> OUTPUTS = List.of("dharma.iac.v1", "dharma.guardrails.v1", "dharma.costs.v1");
    private static final List<String> STAGE_ONE_GROUPS = List.of("dharma-generator", "dharma-guardrails", "dharma-costing");

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-stage-one");

    @ParameterizedTest
    @ValueSource(strings = {"aws-web-app.yaml", "azure-data-platform.yaml", "gcp-kubernetes-service.yaml",
            "aws-prod-api.yaml", "insecure-demo.yaml"})
    void eachSubmissionYieldsExactlyOneEventPerStageLinkedToIt(String example) throws Exception {
        PlatformApi.Accepted accepted = api.submitExample(example, "s1-" + shortId());

        try (TopicReader reader = new TopicReader(platform, allTopics())) {
            Predicate<ConsumerRecord<String, GenericRecord>> ofThisSubmission = r -> accepted.trackingId().equals(trackingId(r));
            reader.await(ofThisSubmission, records -> topicsOf(records).containsAll(allTopics()), Duration.ofSeconds(90));
            List<ConsumerRecord<String, GenericRecord>> records = reader.settle(ofThisSubmission, Duration.ofSeconds(2));

            ConsumerRecord<String, GenericRecord> submitted = only(records, BLUEPRINTS);
            for (String topic : OUTPUTS) {
                ConsumerRecord<String, GenericRecord> output = only(records, topic);
                assertThat(output.key()).as("%s key", topic).isEqualTo(accepted.blueprintId());
                assertThat(causationId(output)).as("%s causationId", topic).isEqualTo(eventId(submitted));
            }
        }
    }

    @Test
    void theInsecureExampleIsBlockedForTheReasonsItWasWrittenFor() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("insecure-demo.yaml", "s1-insecure-" + shortId());

        try (TopicReader reader = new TopicReader(platform, List.of("dharma.guardrails.v1"))) {
            GenericRecord verdict = reader.await(r -> accepted.trackingId().equals(trackingId(r)),
                    records -> records.size() == 1, Duration.ofSeconds(90)).getFirst().value();

            assertThat(field(verdict, "outcome")).isEqualTo("BLOCKED");
            @SuppressWarnings("unchecked")
            List<GenericRecord> violations = (List<GenericRecord>) verdict.get("violations");
            Set<String> blockedResources = violations.stream()
                    .filter(v -> "BLOCK".equals(field(v, "enforcement")))
                    .map(v -> field(v, "resourceName"))
                    .collect(Collectors.toSet());
            assertThat(blockedResources).contains("public-files", "legacy-db", "wide-open");
        }
    }

    @Test
    void aPoisonRecordIsDeadLetteredByEachConsumerAndLaterRecordsStillFlow() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] garbage = "this is not Avro".getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(BLUEPRINTS, poisonKey, garbage)).get();
        }
        PlatformApi.Accepted after = api.submitExample("aws-web-app.yaml", "s1-after-poison-" + shortId());

        try (TopicReader reader = new TopicReader(platform, OUTPUTS)) {
            reader.await(r -> after.trackingId().equals(trackingId(r)),
                    records -> topicsOf(records).containsAll(OUTPUTS), Duration.ofSeconds(90));
        }
        try (KafkaConsumer<byte[], byte[]> dlt = TopicReader.rawConsumer(platform)) {
            dlt.subscribe(List.of(BLUEPRINTS + ".dlt"));
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                dlt.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && poisonKey.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        deadLetters.add(r);
                    }
                });
                return groupsOf(deadLetters).containsAll(STAGE_ONE_GROUPS);
            });
            // Every consumer group of the topic dead-letters it once (the orchestrator reads it too).
            assertThat(groupsOf(deadLetters)).hasSize(deadLetters.size());
            assertThat(deadLetters).allSatisfy(r -> {
                assertThat(r.value()).isEqualTo(garbage);
                assertThat(r.headers().lastHeader("dharma-dlt-reason")).isNotNull();
            });
        }
    }

    private static Set<String> groupsOf(List<ConsumerRecord<byte[], byte[]>> deadLetters) {
        return deadLetters.stream()
                .map(r -> new String(r.headers().lastHeader("kafka_dlt-original-consumer-group").value(), StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }

    @Test
    void consumersStoppedAndRestartedMidStreamNeitherDropNorDuplicateOutputs() throws Exception {
        int inputs = 60;
        Set<String> inputEventIds = new HashSet<>();
        List<BlueprintSubmitted> events = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            BlueprintSubmitted event = ExampleBlueprints.submitted("aws-web-app.yaml", "e2e-restart",
                    UUID.randomUUID().toString(), UUID.randomUUID().toString());
            events.add(event);
            inputEventIds.add(event.getEnvelope().getEventId().toString());
        }
        Predicate<ConsumerRecord<String, GenericRecord>> answersOurs = r -> inputEventIds.contains(causationId(r));

        try (TopicReader reader = new TopicReader(platform, OUTPUTS)) {
            publish(events);
            reader.await(answersOurs, records -> OUTPUTS.stream().allMatch(t -> count(records, t) >= 5), Duration.ofSeconds(90));
            List<MessageListenerContainer> stageOne = stageOneContainers();
            stageOne.forEach(MessageListenerContainer::stop);
            Thread.sleep(500);
            stageOne.forEach(MessageListenerContainer::start);

            reader.await(answersOurs, records -> OUTPUTS.stream().allMatch(t -> distinctCauses(records, t) == inputs),
                    Duration.ofSeconds(120));
            List<ConsumerRecord<String, GenericRecord>> outputs = reader.settle(answersOurs, Duration.ofSeconds(3));
            for (String topic : OUTPUTS) {
                List<ConsumerRecord<String, GenericRecord>> ofTopic = outputs.stream().filter(r -> r.topic().equals(topic)).toList();
                assertThat(ofTopic).as("%s: one output per input, none twice", topic).hasSize(inputs);
                assertThat(ofTopic.stream().map(TopicReader::eventId).distinct()).hasSize(inputs);
            }
        }
    }

    private List<MessageListenerContainer> stageOneContainers() {
        KafkaListenerEndpointRegistry registry = platform.context().getBean(KafkaListenerEndpointRegistry.class);
        List<MessageListenerContainer> containers = registry.getListenerContainers().stream()
                .filter(c -> STAGE_ONE_GROUPS.contains(c.getGroupId()))
                .toList();
        assertThat(containers).extracting(MessageListenerContainer::getGroupId).containsExactlyInAnyOrderElementsOf(STAGE_ONE_GROUPS);
        return containers;
    }

    private void publish(List<BlueprintSubmitted> events) throws Exception {
        try (KafkaProducer<String, BlueprintSubmitted> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                "schema.registry.url", platform.registryUrl(),
                // Registering a schema, even one already there, is a registry write: platform-admins only.
                "bearer.auth.credentials.source", "STATIC_TOKEN",
                "bearer.auth.token", platform.generatedAdminKey().orElseThrow()))) {
            for (BlueprintSubmitted event : events) {
                producer.send(new ProducerRecord<>(BLUEPRINTS, event.getEnvelope().getBlueprintId(), event));
            }
            producer.flush();
        }
    }

    private static List<String> allTopics() {
        List<String> topics = new ArrayList<>(OUTPUTS);
        topics.addFirst(BLUEPRINTS);
        return topics;
    }

    private static Set<String> topicsOf(List<ConsumerRecord<String, GenericRecord>> records) {
        return records.stream().map(ConsumerRecord::topic).collect(Collectors.toSet());
    }

    private static ConsumerRecord<String, GenericRecord> only(List<ConsumerRecord<String, GenericRecord>> records, String topic) {
        List<ConsumerRecord<String, GenericRecord>> ofTopic = records.stream().filter(r -> r.topic().equals(topic)).toList();
        assertThat(ofTopic).as("records on %s", topic).hasSize(1);
        return ofTopic.getFirst();
    }

    private static long count(List<ConsumerRecord<String, GenericRecord>> records, String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).count();
    }

    private static long distinctCauses(List<ConsumerRecord<String, GenericRecord>> records, String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).map(TopicReader::causationId).distinct().count();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
