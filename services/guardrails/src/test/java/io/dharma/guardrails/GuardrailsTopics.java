package io.dharma.guardrails;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.kafka.topics.DharmaTopic;
import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes BlueprintSubmitted events and reads what guardrails wrote, as intake and a downstream team would. */
public final class GuardrailsTopics {

    private static final Envelopes INTAKE = Envelopes.forProducer("intake");

    private GuardrailsTopics() {
    }

    /** The event intake would publish for version 1 of {@code blueprint}, submitted by {@code tenant}. */
    public static BlueprintSubmitted submitted(String tenant, Blueprint blueprint) {
        Envelope envelope = INTAKE.originating(tenant, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1);
        return BlueprintEvents.submitted(blueprint, envelope, blueprint.canonicalJson(), "application/json", "alice@example.com");
    }

    /** {@code event} moved to blueprint {@code blueprintId}: the same key, so the same partition. */
    public static BlueprintSubmitted ofBlueprint(BlueprintSubmitted event, String blueprintId) {
        return BlueprintSubmitted.newBuilder(event)
                .setEnvelope(Envelope.newBuilder(event.getEnvelope()).setBlueprintId(blueprintId).build())
                .build();
    }

    /** {@code event} with its first resource's type replaced. */
    public static BlueprintSubmitted withFirstResourceType(BlueprintSubmitted event, String type) {
        List<BlueprintResource> resources = new ArrayList<>(event.getResources());
        resources.set(0, BlueprintResource.newBuilder(resources.getFirst()).setType(type).build());
        return BlueprintSubmitted.newBuilder(event).setResources(resources).build();
    }

    public static void send(BlueprintSubmitted... events) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers()),
                new StringSerializer(), serializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (BlueprintSubmitted event : events) {
                sent.add(producer.send(new ProducerRecord<>(DharmaTopic.BLUEPRINTS.topicName(),
                        event.getEnvelope().getBlueprintId(), event)));
            }
            for (Future<RecordMetadata> result : sent) {
                result.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot send to " + DharmaTopic.BLUEPRINTS.topicName(), e);
        }
    }

    /** Every committed verdict so far. */
    public static List<ConsumerRecord<String, GuardrailsEvaluated>> verdicts() {
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), deserializer())) {
            @SuppressWarnings("unchecked")
            List<ConsumerRecord<String, GuardrailsEvaluated>> records =
                    (List<ConsumerRecord<String, GuardrailsEvaluated>>) (List<?>) readToEnd(consumer, DharmaTopic.GUARDRAILS.topicName());
            return records;
        }
    }

    /** The committed verdicts reacting to the submission with {@code trackingId}. */
    public static List<ConsumerRecord<String, GuardrailsEvaluated>> verdictsFor(String trackingId) {
        return verdicts().stream().filter(r -> r.value().getEnvelope().getTrackingId().equals(trackingId)).toList();
    }

    /** Every committed dead letter of the input topic, value bytes untouched. */
    public static List<ConsumerRecord<String, byte[]>> deadLetters() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return readToEnd(consumer, DharmaTopic.BLUEPRINTS.deadLetterTopicName());
        }
    }

    private static <V> List<ConsumerRecord<String, V>> readToEnd(KafkaConsumer<String, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static AvroSerializer<Object> serializer() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl()), false);
        return serializer;
    }

    private static AvroDeserializer<Object> deserializer() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }
}
