package io.dharma.generator.service;

import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Topics of the embedded stack as an outside client sees them: Confluent wire-format Avro values, string keys, read_committed. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    /** Sends the records in order and waits until all are acknowledged. */
    static <V> void send(String topic, List<Map.Entry<String, V>> records, Serializer<V> values) {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers()), new StringSerializer(), values)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue()))));
            for (var future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    @SuppressWarnings("unchecked")
    static <V> Serializer<V> avro() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl()), false);
        return (Serializer<V>) serializer;
    }

    static Serializer<byte[]> bytes() {
        return new ByteArraySerializer();
    }

    /** Every committed record of {@code topic}, values as Avro specific records. */
    @SuppressWarnings("unchecked")
    static <V> List<ConsumerRecord<String, V>> readAll(String topic) {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return readToEnd(topic, (Deserializer<V>) deserializer);
    }

    static List<ConsumerRecord<String, byte[]>> readAllRaw(String topic) {
        return readToEnd(topic, new ByteArrayDeserializer());
    }

    /** Polls {@code read} until {@code done} accepts its result, then returns it. */
    static <T> T awaitUntil(Supplier<T> read, Predicate<T> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T result = read.get();
        while (!done.test(result)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout + "; last result: " + result);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            result = read.get();
        }
        return result;
    }

    private static <V> List<ConsumerRecord<String, V>> readToEnd(String topic, Deserializer<V> values) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
