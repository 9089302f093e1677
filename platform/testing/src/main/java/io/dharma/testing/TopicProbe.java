package io.dharma.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;

/**
 * The one way a test reads a topic: as a downstream team would, from the beginning up to the last
 * committed record ({@code read_committed}), values decoded through the registry into the generated
 * classes. It joins no group and commits nothing, so every read sees the whole topic, and waiting
 * is Awaitility polling such reads, never a sleep. The JVM keeps what it has read of each topic
 * ({@link TopicReader}) and one registry client per registry, so a read fetches only what is new.
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
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final ByteArrayDeserializer RAW = new ByteArrayDeserializer();
    private static final ConcurrentMap<List<Object>, TopicReader<?>> READERS = new ConcurrentHashMap<>();
    private static final ConcurrentMap<List<Object>, AvroDeserializer<Object>> DESERIALIZERS = new ConcurrentHashMap<>();

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
            Deserializer<V> values = (Deserializer<V>) avroDeserializer();
            records.addAll(reader(topic, values).read());
        }
        return records;
    }

    /** The values of every record of {@code topic} with {@code key}, in topic order. */
    public <V> List<V> values(String topic, String key) {
        return this.<V>readAll(topic).stream().filter(record -> key.equals(record.key())).map(ConsumerRecord::value).toList();
    }

    /** Every record of {@code topic} now, value bytes untouched. */
    public List<ConsumerRecord<String, byte[]>> readAllRaw(String topic) {
        return reader(topic, RAW).read();
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
        return awaiting(atMost).until(() -> this.<V>readAll(topics), until);
    }

    /** Reads {@code topic} until the values with {@code key} satisfy {@code until} ({@code atMost}), and returns them. */
    public <V> List<V> awaitValues(String topic, String key, Predicate<List<V>> until, Duration atMost) {
        return awaiting(atMost).until(() -> this.<V>values(topic, key), until);
    }

    /** Reads {@code topic} until it holds at least {@code count} records (30 s at most), and returns them. */
    public <V> List<ConsumerRecord<String, V>> awaitCount(String topic, int count) {
        return await(topic, records -> records.size() >= count);
    }

    /** Reads {@code topic}, value bytes untouched, until its records satisfy {@code until} ({@code atMost}). */
    public List<ConsumerRecord<String, byte[]>> awaitRaw(String topic, Predicate<List<ConsumerRecord<String, byte[]>>> until,
            Duration atMost) {
        return awaiting(atMost).until(() -> readAllRaw(topic), until);
    }

    /** Decodes a Confluent wire-format value as a reader of {@code topic} would (a dead letter's, say). */
    public Object decode(String topic, byte[] value) {
        return avroDeserializer().deserialize(topic, value);
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
            awaiting(atMost).until(() -> {
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
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % reader(topic, RAW).partitionCount();
    }

    /** Checks at once, then every poll interval: a read costs only what is new on the topic. */
    private static ConditionFactory awaiting(Duration atMost) {
        return Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL_INTERVAL);
    }

    /** The JVM's one reader of {@code topic} with this probe's servers and isolation and with {@code values}. */
    @SuppressWarnings("unchecked")
    private <V> TopicReader<V> reader(String topic, Deserializer<V> values) {
        return (TopicReader<V>) READERS.computeIfAbsent(List.of(bootstrapServers, isolation, values, topic),
                key -> new TopicReader<>(topic, consumerConfig(), values));
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    /** The JVM's one deserializer for this probe's registry and reading: its registry client fetches each schema once. */
    private AvroDeserializer<Object> avroDeserializer() {
        return DESERIALIZERS.computeIfAbsent(List.of(registryUrl, specific), key -> {
            AvroDeserializer<Object> values = new AvroDeserializer<>();
            values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.SPECIFIC_AVRO_READER, specific), false);
            return values;
        });
    }
}
