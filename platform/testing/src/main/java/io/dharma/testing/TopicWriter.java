package io.dharma.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;

/**
 * Writes test input as an outside producer would: string keys, values as Confluent wire-format Avro
 * (or bytes, for garbage), each call waiting until every record is acknowledged. The counterpart
 * of {@link TopicProbe}.
 */
public final class TopicWriter {

    /** One producer per broker and value encoding for the test JVM: creating one per send costs more than the send. */
    private static final Map<List<String>, KafkaProducer<String, ?>> PRODUCERS = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final String registryUrl;

    public TopicWriter(String bootstrapServers, String registryUrl) {
        this.bootstrapServers = bootstrapServers;
        this.registryUrl = registryUrl;
    }

    /** A writer to the shared test stack ({@link EmbeddedStack}). */
    public static TopicWriter onStack() {
        EmbeddedStack stack = EmbeddedStack.get();
        return new TopicWriter(stack.bootstrapServers(), stack.registryUrl());
    }

    public RecordMetadata send(String topic, String key, Object value) {
        return send(List.of(new ProducerRecord<>(topic, key, value))).getFirst();
    }

    /** Sends the values in order, each keyed by {@code key}, and returns where each landed. */
    public <V> List<RecordMetadata> send(String topic, List<? extends V> values, Function<V, String> key) {
        return send(values.stream().map(value -> new ProducerRecord<String, Object>(topic, key.apply(value), value)).toList());
    }

    /** Sends the records in order and returns where each landed. */
    public List<RecordMetadata> send(List<ProducerRecord<String, Object>> records) {
        return sendAll(records, producer(List.of(bootstrapServers, registryUrl), () -> {
            AvroSerializer<Object> values = new AvroSerializer<>();
            values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            return values;
        }));
    }

    public RecordMetadata sendRaw(ProducerRecord<String, byte[]> record) {
        return sendAll(List.of(record), producer(List.of(bootstrapServers), ByteArraySerializer::new)).getFirst();
    }

    @SuppressWarnings("unchecked")
    private <V> KafkaProducer<String, V> producer(List<String> key, Supplier<Serializer<V>> values) {
        return (KafkaProducer<String, V>) PRODUCERS.computeIfAbsent(key, ignored -> new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), values.get()));
    }

    private static <V> List<RecordMetadata> sendAll(List<ProducerRecord<String, V>> records, KafkaProducer<String, V> producer) {
        try {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            List<RecordMetadata> landed = new ArrayList<>();
            for (Future<RecordMetadata> future : sent) {
                landed.add(future.get());
            }
            return landed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot send to " + records.getFirst().topic(), e);
        }
    }
}
