package io.dharma.costing.service;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes topics of the embedded stack as an outside client would (Confluent wire-format Avro). */
final class Topics {

    private Topics() {
    }

    /** Sends the submissions in order, each keyed by its blueprintId, and waits until all are acknowledged. */
    static void send(String topic, List<BlueprintSubmitted> submissions) {
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), avroSerializer())) {
            List<Future<?>> sent = new ArrayList<>();
            for (BlueprintSubmitted submission : submissions) {
                sent.add(producer.send(new ProducerRecord<>(topic, submission.getEnvelope().getBlueprintId(), submission)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    static void send(String topic, BlueprintSubmitted submission) {
        send(topic, List.of(submission));
    }

    static void sendRaw(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Every committed record of {@code topic}, values decoded as Avro specific records. */
    @SuppressWarnings("unchecked")
    static <V> List<ConsumerRecord<String, V>> readAll(String topic) {
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), avroDeserializer())) {
            return (List<ConsumerRecord<String, V>>) (List<?>) readToEnd(consumer, topic);
        }
    }

    /** Every committed record of {@code topic}, value bytes untouched. */
    static List<ConsumerRecord<String, byte[]>> readAllRaw(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
            return readToEnd(consumer, topic);
        }
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

    private static <V> List<ConsumerRecord<String, V>> readToEnd(KafkaConsumer<String, V> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);   // last stable offsets under read_committed
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers());
    }

    private static Map<String, Object> consumerConfig() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    }

    private static AvroSerializer<Object> avroSerializer() {
        AvroSerializer<Object> serializer = new AvroSerializer<>();
        serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl()), false);
        return serializer;
    }

    private static AvroDeserializer<Object> avroDeserializer() {
        AvroDeserializer<Object> deserializer = new AvroDeserializer<>();
        deserializer.configure(Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, EmbeddedStack.get().registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return deserializer;
    }
}
