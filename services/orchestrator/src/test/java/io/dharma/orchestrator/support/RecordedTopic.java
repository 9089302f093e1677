package io.dharma.orchestrator.support;

import io.dharma.kafka.topics.DharmaTopic;
import io.dharma.serde.AvroDeserializer;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one Dharma topic as a downstream team would (plain consumer, read_committed, from the
 * beginning), in the background for the whole test JVM, and keeps every value by key (blueprintId)
 * in topic order, duplicates included.
 */
final class RecordedTopic<V> {

    private final DharmaTopic topic;
    private final Function<List<V>, String> describe;
    private final Map<String, List<V>> byKey = new ConcurrentHashMap<>();
    /** How far each partition has been read: every record before it is in {@link #byKey}. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

    private RecordedTopic(DharmaTopic topic, Function<List<V>, String> describe) {
        this.topic = topic;
        this.describe = describe;
    }

    /** Starts reading; {@code describe} says what was recorded in a timeout's message. */
    static <V> RecordedTopic<V> start(DharmaTopic topic, Function<List<V>, String> describe) {
        EmbeddedStack.get();   // on the caller's thread: a stack that fails to start fails the test, loudly
        RecordedTopic<V> recorded = new RecordedTopic<>(topic, describe);
        Thread.ofPlatform().name("test-topic-" + topic.topicName()).daemon().start(recorded::consume);
        return recorded;
    }

    List<V> values(String key) {
        return List.copyOf(byKey.getOrDefault(key, List.of()));
    }

    /** The key's values once {@code until} holds for them; fails after {@code timeout}. */
    List<V> await(String key, Predicate<List<V>> until, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<V> values = values(key);
            if (until.test(values)) {
                return values;
            }
            sleep(50);
        }
        throw new AssertionError("timed out waiting for " + topic.topicName() + " records of " + key + "; got "
                + describe.apply(values(key)));
    }

    /** Waits until every record before {@code ends} has been read; fails after {@code timeout}. */
    void awaitReadUpTo(Map<TopicPartition, Long> ends, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ends.entrySet().stream().allMatch(end -> positions.getOrDefault(end.getKey(), 0L) >= end.getValue())) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out reading " + topic.topicName() + " up to " + ends + "; at " + positions);
            }
            sleep(20);
        }
    }

    @SuppressWarnings("unchecked")
    private void consume() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                "schema.registry.url", EmbeddedStack.get().registryUrl(),
                "specific.avro.reader", true);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions;
            while (true) {
                var infos = consumer.partitionsFor(topic.topicName());
                if (infos != null && !infos.isEmpty()) {
                    partitions = infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                    break;
                }
                sleep(200);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (true) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> byKey
                        .computeIfAbsent(record.key(), key -> new CopyOnWriteArrayList<>())
                        .add((V) record.value()));
                partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
