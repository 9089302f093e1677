package io.dharma.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;

import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;

/**
 * The one way a test reads a topic: as a downstream team would, from the beginning up to the last
 * committed record ({@code read_committed}), values decoded through the registry into the generated
 * classes. It joins no group and commits nothing, so every read sees the whole topic, and waiting
 * is Awaitility polling such reads, never a sleep.
 *
 * <p>A record whose value cannot be decoded (a poison test's garbage) is skipped, as a robust reader
 * would; {@link #readAllRaw} shows it.
 *
 * <pre>{@code
 * List<ConsumerRecord<String, SecurityEvent>> events = TopicProbe.onStack()
 *         .await("dharma.security.v1", records -> records.stream().anyMatch(...));
 * }</pre>
 */
public final class TopicProbe {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final String bootstrapServers;
    private final String registryUrl;
    private final boolean specific;
    private final String isolation;

    public TopicProbe(String bootstrapServers, String registryUrl) {
        this(bootstrapServers, registryUrl, true, "read_committed");
    }

    private TopicProbe(String bootstrapServers, String registryUrl, boolean specific, String isolation) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
        this.specific = specific;
        this.isolation = isolation;
    }

    /** A probe of the shared test stack ({@link EmbeddedStack}). */
    public static TopicProbe onStack() {
        EmbeddedStack stack = EmbeddedStack.get();
        return new TopicProbe(stack.bootstrapServers(), stack.registryUrl());
    }

    /** This probe decoding values as {@code GenericRecord}s, as a reader without the generated classes would. */
    public TopicProbe generic() {
        return new TopicProbe(bootstrapServers, registryUrl, false, isolation);
    }

    /** This probe reading uncommitted records too: what was written, aborted transactions included. */
    public TopicProbe uncommitted() {
        return new TopicProbe(bootstrapServers, registryUrl, specific, "read_uncommitted");
    }

    /** Every record of {@code topic} now, values decoded. */
    public <V> List<ConsumerRecord<String, V>> readAll(String topic) {
        return readAll(List.of(topic));
    }

    /** Every record of the {@code topics} now, values decoded, topic by topic. */
    public <V> List<ConsumerRecord<String, V>> readAll(List<String> topics) {
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        for (String topic : topics) {
            @SuppressWarnings("unchecked")
            Deserializer<V> values = (Deserializer<V>) avroDeserializer();   // closed with the consumer that uses it
            records.addAll(readToEnd(topic, values));
        }
        return records;
    }

    /** The values of every record of {@code topic} with {@code key}, in topic order. */
    public <V> List<V> values(String topic, String key) {
        return this.<V>readAll(topic).stream().filter(record -> key.equals(record.key())).map(ConsumerRecord::value).toList();
    }

    /** Every record of {@code topic} now, value bytes untouched. */
    public List<ConsumerRecord<String, byte[]>> readAllRaw(String topic) {
        return readToEnd(topic, new ByteArrayDeserializer());
    }

    /** Reads {@code topic} until its records satisfy {@code until} (30 s at most), and returns them. */
    public <V> List<ConsumerRecord<String, V>> await(String topic, Predicate<List<ConsumerRecord<String, V>>> until) {
        return await(topic, until, DEFAULT_TIMEOUT);
    }

    /** Reads {@code topic} until its records satisfy {@code until} ({@code atMost}), and returns them. */
    public <V> List<ConsumerRecord<String, V>> await(String topic, Predicate<List<ConsumerRecord<String, V>>> until,
            Duration atMost) {
        return await(List.of(topic), until, atMost);
    }

    /** Reads the {@code topics} until their records satisfy {@code until} ({@code atMost}), and returns them. */
    public <V> List<ConsumerRecord<String, V>> await(List<String> topics, Predicate<List<ConsumerRecord<String, V>>> until,
            Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(POLL_INTERVAL).until(() -> this.<V>readAll(topics), until);
    }

    /** Reads {@code topic} until the values with {@code key} satisfy {@code until} ({@code atMost}), and returns them. */
    public <V> List<V> awaitValues(String topic, String key, Predicate<List<V>> until, Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(POLL_INTERVAL).until(() -> this.<V>values(topic, key), until);
    }

    /** Reads {@code topic} until it holds at least {@code count} records (30 s at most), and returns them. */
    public <V> List<ConsumerRecord<String, V>> awaitCount(String topic, int count) {
        return await(topic, records -> records.size() >= count);
    }

    /** Reads {@code topic}, value bytes untouched, until its records satisfy {@code until} ({@code atMost}). */
    public List<ConsumerRecord<String, byte[]>> awaitRaw(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> until,
            Duration atMost) {
        return Awaitility.await().atMost(atMost).pollInterval(POLL_INTERVAL).until(() -> readAllRaw(topic), until);
    }

    /** Decodes a Confluent wire-format value as a reader of {@code topic} would (a dead letter's, say). */
    public Object decode(String topic, byte[] value) {
        try (AvroDeserializer<Object> values = avroDeserializer()) {
            return values.deserialize(topic, value);
        }
    }

    /**
     * Waits until consumer group {@code group} has committed past every one of {@code records}: what
     * the group's application does with them is done. For an effect no sentinel can follow (a
     * state store's view, say); where one can, prefer the sentinel.
     */
    public void awaitConsumed(String group, List<? extends ConsumerRecord<?, ?>> records, Duration atMost) {
        Map<TopicPartition, Long> past = new HashMap<>();
        records.forEach(record -> past.merge(new TopicPartition(record.topic(), record.partition()), record.offset() + 1, Math::max));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Awaitility.await().atMost(atMost).pollInterval(POLL_INTERVAL).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                return past.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    /**
     * The partition of {@code topic} that a record with {@code key} goes to (the producers' default
     * partitioner): where a sentinel must go to follow that key's records.
     */
    public int partitionOf(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer())) {
            return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % consumer.partitionsFor(topic).size();
        }
    }

    private <V> List<ConsumerRecord<String, V>> readToEnd(String topic, Deserializer<V> values) {
        try (KafkaConsumer<String, V> consumer = consumer(values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);   // last stable offsets under read_committed
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                } catch (RecordDeserializationException e) {
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
            return records;
        }
    }

    private <V> KafkaConsumer<String, V> consumer(Deserializer<V> values) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), values);
    }

    private AvroDeserializer<Object> avroDeserializer() {
        AvroDeserializer<Object> values = new AvroDeserializer<>();
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, specific);
        values.configure(config, false);
        return values;
    }
}
