package io.dharma.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;

/**
 * Reads a topic as a downstream team would: from the beginning, committed records only
 * ({@code read_committed}), values decoded through the registry into the generated classes. It
 * joins no group and commits nothing.
 *
 * <pre>{@code
 * List<ConsumerRecord<String, SecurityEvent>> events = TopicProbe.onStack()
 *         .await("dharma.security.v1", records -> records.stream().anyMatch(...));
 * }</pre>
 */
public final class TopicProbe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final String registryUrl;

    public TopicProbe(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** A probe of the shared test stack ({@link EmbeddedStack}). */
    public static TopicProbe onStack() {
        EmbeddedStack stack = EmbeddedStack.get();
        return new TopicProbe(stack.bootstrapServers(), stack.registryUrl());
    }

    /** Every committed record of {@code topic} now. */
    public <V> List<ConsumerRecord<String, V>> readAll(String topic) {
        try (AvroDeserializer<Object> values = new AvroDeserializer<>();
                KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), configured(values))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);   // last stable offsets
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    @SuppressWarnings("unchecked")
                    ConsumerRecord<String, V> typed = (ConsumerRecord<String, V>) (ConsumerRecord<String, ?>) record;
                    records.add(typed);
                }
            }
            return records;
        }
    }

    /** Reads {@code topic} until its records satisfy {@code until} (30 s at most), and returns them. */
    public <V> List<ConsumerRecord<String, V>> await(String topic, Predicate<List<ConsumerRecord<String, V>>> until) {
        return Awaitility.await().atMost(DEFAULT_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> this.<V>readAll(topic), until);
    }

    private AvroDeserializer<Object> configured(AvroDeserializer<Object> values) {
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true),
                false);
        return values;
    }
}
