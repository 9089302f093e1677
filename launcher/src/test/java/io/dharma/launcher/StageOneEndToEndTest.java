package io.dharma.launcher;

import static io.dharma.launcher.GenericEvents.causationId;
import static io.dharma.launcher.GenericEvents.eventId;
import static io.dharma.launcher.GenericEvents.field;
import static io.dharma.launcher.GenericEvents.trackingId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
    private final TopicProbe probe = GenericEvents.probe(platform);

    @ParameterizedTest
    @ValueSource(strings = {"aws-web-app.yaml", "azure-data-platform.yaml", "gcp-kubernetes-service.yaml",
            "aws-prod-api.yaml", "insecure-demo.yaml"})
    void eachSubmissionYieldsExactlyOneEventPerStageLinkedToIt(String example) throws Exception {
        String name = "s1-" + shortId();
        PlatformApi.Accepted accepted = api.submitExample(example, name);

        Predicate<ConsumerRecord<String, GenericRecord>> ofThisSubmission = r -> accepted.trackingId().equals(trackingId(r));
        awaitOnEveryTopic(allTopics(), ofThisSubmission);
        // A sentinel behind it: the blueprint's next version, on the same partitions. Once the sentinel
        // has its outputs, a second record of the first submission would be there too.
        PlatformApi.Accepted sentinel = api.submitExample(example, name);
        List<ConsumerRecord<String, GenericRecord>> records = awaitOnEveryTopic(allTopics(),
                r -> sentinel.trackingId().equals(trackingId(r))).stream().filter(ofThisSubmission).toList();

        ConsumerRecord<String, GenericRecord> submitted = only(records, BLUEPRINTS);
        for (String topic : OUTPUTS) {
            ConsumerRecord<String, GenericRecord> output = only(records, topic);
            assertThat(output.key()).as("%s key", topic).isEqualTo(accepted.blueprintId());
            assertThat(causationId(output)).as("%s causationId", topic).isEqualTo(eventId(submitted));
        }
    }

    @Test
    void theInsecureExampleIsBlockedForTheReasonsItWasWrittenFor() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("insecure-demo.yaml", "s1-insecure-" + shortId());

        GenericRecord verdict = probe.<GenericRecord>await(List.of("dharma.guardrails.v1"),
                records -> records.stream().anyMatch(r -> accepted.trackingId().equals(trackingId(r))), Duration.ofSeconds(90))
                .stream().filter(r -> accepted.trackingId().equals(trackingId(r))).findFirst().orElseThrow().value();

        assertThat(field(verdict, "outcome")).isEqualTo("BLOCKED");
        @SuppressWarnings("unchecked")
        List<GenericRecord> violations = (List<GenericRecord>) verdict.get("violations");
        Set<String> blockedResources = violations.stream()
                .filter(v -> "BLOCK".equals(field(v, "enforcement")))
                .map(v -> field(v, "resourceName"))
                .collect(Collectors.toSet());
        assertThat(blockedResources).contains("public-files", "legacy-db", "wide-open");
    }

    @Test
    void aPoisonRecordIsDeadLetteredByEachConsumerAndLaterRecordsStillFlow() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] garbage = "this is not Avro".getBytes(StandardCharsets.UTF_8);
        new TopicWriter(platform.bootstrapServers(), platform.registryUrl()).sendRaw(new ProducerRecord<>(BLUEPRINTS, poisonKey, garbage));
        PlatformApi.Accepted after = api.submitExample("aws-web-app.yaml", "s1-after-poison-" + shortId());

        awaitOnEveryTopic(OUTPUTS, r -> after.trackingId().equals(trackingId(r)));
        List<ConsumerRecord<String, byte[]>> deadLetters = probe.awaitRaw(BLUEPRINTS + ".dlt",
                records -> groupsOf(withKey(records, poisonKey)).containsAll(STAGE_ONE_GROUPS), Duration.ofSeconds(60));
        deadLetters = withKey(deadLetters, poisonKey);
        // Every consumer group of the topic dead-letters it once (the orchestrator reads it too).
        assertThat(groupsOf(deadLetters)).hasSize(deadLetters.size());
        assertThat(deadLetters).allSatisfy(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(r.headers().lastHeader("dharma-dlt-reason")).isNotNull();
        });
    }

    private static List<ConsumerRecord<String, byte[]>> withKey(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private static Set<String> groupsOf(List<ConsumerRecord<String, byte[]>> deadLetters) {
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

        publish(events);
        probe.<GenericRecord>await(OUTPUTS, records -> OUTPUTS.stream().allMatch(t -> count(ofOurs(records, answersOurs), t) >= 5),
                Duration.ofSeconds(90));
        List<MessageListenerContainer> stageOne = stageOneContainers();
        stageOne.forEach(MessageListenerContainer::stop);
        Thread.sleep(500);
        stageOne.forEach(MessageListenerContainer::start);

        probe.<GenericRecord>await(OUTPUTS, records -> OUTPUTS.stream().allMatch(t -> distinctCauses(ofOurs(records, answersOurs), t) == inputs),
                Duration.ofSeconds(120));
        List<BlueprintSubmitted> sentinels = sentinelsBehind(events);
        publish(sentinels);
        Set<String> sentinelIds = sentinels.stream().map(s -> s.getEnvelope().getEventId().toString()).collect(Collectors.toSet());
        Predicate<ConsumerRecord<String, GenericRecord>> answersSentinel = r -> sentinelIds.contains(causationId(r));
        List<ConsumerRecord<String, GenericRecord>> outputs = ofOurs(probe.await(OUTPUTS,
                records -> OUTPUTS.stream().allMatch(t -> distinctCauses(ofOurs(records, answersSentinel), t) == sentinels.size()),
                Duration.ofSeconds(90)), answersOurs);
        for (String topic : OUTPUTS) {
            List<ConsumerRecord<String, GenericRecord>> ofTopic = outputs.stream().filter(r -> r.topic().equals(topic)).toList();
            assertThat(ofTopic).as("%s: one output per input, none twice", topic).hasSize(inputs);
            assertThat(ofTopic.stream().map(GenericEvents::eventId).distinct()).hasSize(inputs);
        }
    }

    /**
     * A sentinel behind {@code events} on every partition they went to: the next version of one of
     * their blueprints. Records of a partition are handled in order, so once every sentinel has its
     * outputs, a second output of any earlier event would be there too.
     */
    private List<BlueprintSubmitted> sentinelsBehind(List<BlueprintSubmitted> events) {
        Map<Integer, BlueprintSubmitted> onePerPartition = new TreeMap<>();
        events.forEach(event -> onePerPartition.putIfAbsent(probe.partitionOf(BLUEPRINTS, event.getEnvelope().getBlueprintId()), event));
        return onePerPartition.values().stream().map(event -> ExampleBlueprints.submitted("aws-web-app.yaml", "e2e-restart",
                UUID.randomUUID().toString(), event.getEnvelope().getBlueprintId(), event.getEnvelope().getBlueprintVersion() + 1)).toList();
    }

    /** Reads the topics until each has a record that {@code match} accepts; returns everything read. */
    private List<ConsumerRecord<String, GenericRecord>> awaitOnEveryTopic(List<String> topics,
            Predicate<ConsumerRecord<String, GenericRecord>> match) {
        return probe.await(topics, records -> topicsOf(ofOurs(records, match)).containsAll(topics), Duration.ofSeconds(90));
    }

    private static List<ConsumerRecord<String, GenericRecord>> ofOurs(List<ConsumerRecord<String, GenericRecord>> records,
            Predicate<ConsumerRecord<String, GenericRecord>> ours) {
        return records.stream().filter(ours).toList();
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
        return records.stream().filter(r -> r.topic().equals(topic)).map(GenericEvents::causationId).distinct().count();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
