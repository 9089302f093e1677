package io.dharma.kafka.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.dharma.kafka.TestStack;
import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;

/** Writes test input and reads topics from the beginning, as an outside client would. */
public final class TopicIo {

    private TopicIo() {
    }

    public static RecordMetadata send(String topic, String key, SpecificRecord value) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), avroSerializer())) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    public static List<RecordMetadata> sendAll(String topic, List<? extends SpecificRecord> values, Function<SpecificRecord, String> key) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), avroSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (SpecificRecord value : values) {
                sent.add(producer.send(new ProducerRecord<>(topic, key.apply(value), value)));
            }
            List<RecordMetadata> metadata = new ArrayList<>();
            for (var future : sent) {
                metadata.add(future.get());
            }
            return metadata;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    public static RecordMetadata sendRaw(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            return producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Cannot send to " + record.topic(), e);
        }
    }

    /** Every committed record of {@code topic}, values decoded as Avro. */
    public static <V> List<ConsumerRecord<String, V>> readAll(String topic, String isolationLevel) {
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig(isolationLevel),
                new StringDeserializer(), avroDeserializer())) {
            @SuppressWarnings("unchecked")
            List<ConsumerRecord<String, V>> records = (List<ConsumerRecord<String, V>>) (List<?>) readToEnd(consumer, topic);
            return records;
        }
    }

    public static <V> List<ConsumerRecord<String, V>> readAll(String topic) {
        return readAll(topic, "read_committed");
    }

    /** Every committed record of {@code topic} with its value bytes untouched. */
    public static List<ConsumerRecord<String, byte[]>> readAllRaw(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig("read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            return readToEnd(consumer, topic);
        }
    }

    /** Decodes Confluent wire-format Avro as a consumer of {@code topic} would. */
    public static Object decode(String topic, byte[] value) {
        try (AvroDeserializer<Object> deserializer = avroDeserializer()) {
            return deserializer.deserialize(topic, value);
        }
    }

    /** Polls {@code read} until its result satisfies {@code done}, then returns it. */
    public static <T> T awaitUntil(Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T result = read.get();
        while (!done.test(result)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Condition not met within " + timeout + "; last result: " + result);
            }
            sleep(Duration.ofMillis(200));
            result = read.get();
        }
        return result;
    }

    private static <V> List<ConsumerRecord<String, V>> readToEnd(KafkaConsumer<String, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        // With read_committed the end offsets are the last stable offsets.
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers());
    }

    private static Map<String, Object> consumerConfig(String isolationLevel) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestStack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static AvroSerializer<Object> avroSerializer() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestStack.registryUrl()), false);
        return serializer;
    }

    private static AvroDeserializer<Object> avroDeserializer() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestStack.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
