package io.dharma.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.dharma.serde.AvroDeserializer;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads topics the way a downstream team would: a plain KafkaConsumer, read_committed, values
 * decoded through the registry as generic Avro records.
 */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, GenericRecord> consumer;
    private final List<ConsumerRecord<String, GenericRecord>> seen = new ArrayList<>();

    TopicReader(RunningPlatform platform, List<String> topics) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class,
                "schema.registry.url", platform.registryUrl()));
        consumer.subscribe(topics);
    }

    /** Polls until {@code done} holds for what was read so far, then returns the matching records. */
    List<ConsumerRecord<String, GenericRecord>> await(Predicate<ConsumerRecord<String, GenericRecord>> match,
            Predicate<List<ConsumerRecord<String, GenericRecord>>> done, Duration atMost) {
        List<ConsumerRecord<String, GenericRecord>> matching = new ArrayList<>();
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            matching.clear();
            seen.stream().filter(match).forEach(matching::add);
            return done.test(matching);
        });
        return List.copyOf(matching);
    }

    /** Reads for a while longer and returns everything matching: to show nothing more arrives. */
    List<ConsumerRecord<String, GenericRecord>> settle(Predicate<ConsumerRecord<String, GenericRecord>> match, Duration quiet) {
        long end = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < end) {
            poll();
        }
        return seen.stream().filter(match).toList();
    }

    /** Polls once; a record that cannot be decoded (a poison test's garbage) is skipped, as a robust reader would. */
    private void poll() {
        try {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        } catch (RecordDeserializationException e) {
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    static GenericRecord envelope(ConsumerRecord<String, GenericRecord> record) {
        return (GenericRecord) record.value().get("envelope");
    }

    static String field(GenericRecord record, String name) {
        Object value = record.get(name);
        return value == null ? null : value.toString();
    }

    static String trackingId(ConsumerRecord<String, GenericRecord> record) {
        return field(envelope(record), "trackingId");
    }

    static String eventId(ConsumerRecord<String, GenericRecord> record) {
        return field(envelope(record), "eventId");
    }

    static String causationId(ConsumerRecord<String, GenericRecord> record) {
        return field(envelope(record), "causationId");
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** Raw bytes, for dead-letter topics whose values may be unreadable on purpose. */
    static KafkaConsumer<byte[], byte[]> rawConsumer(RunningPlatform platform) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
