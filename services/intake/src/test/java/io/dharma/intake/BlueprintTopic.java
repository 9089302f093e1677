package io.dharma.intake;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.topics.DharmaTopic;
import io.dharma.serde.AvroDeserializer;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads dharma.blueprints.v1 from the beginning with a plain KafkaConsumer, as a downstream team would. */
final class BlueprintTopic {

    private BlueprintTopic() {
    }

    /** Every event whose record matches {@code filter}, once {@code until} holds for them or the timeout passes. */
    static List<ConsumerRecord<String, BlueprintSubmitted>> read(Predicate<ConsumerRecord<String, BlueprintSubmitted>> filter,
            Predicate<List<ConsumerRecord<String, BlueprintSubmitted>>> until, Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                "schema.registry.url", EmbeddedStack.get().registryUrl(),
                "specific.avro.reader", true);
        try (KafkaConsumer<String, BlueprintSubmitted> consumer = new KafkaConsumer<>(config)) {
            assignFromBeginning(consumer);
            List<ConsumerRecord<String, BlueprintSubmitted>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !until.test(found)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    /** The raw value bytes of every record with {@code key}, read for {@code duration}. */
    static List<byte[]> rawValues(String key, Duration duration) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            assignFromBeginning(consumer);
            List<byte[]> values = new ArrayList<>();
            Instant deadline = Instant.now().plus(duration);
            while (Instant.now().isBefore(deadline) && values.isEmpty()) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        values.add(record.value());
                    }
                });
            }
            return values;
        }
    }

    private static void assignFromBeginning(KafkaConsumer<?, ?> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(DharmaTopic.BLUEPRINTS.topicName()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }
}
