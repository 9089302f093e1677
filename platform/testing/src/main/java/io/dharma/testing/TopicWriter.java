package io.dharma.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
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

    /** broker/topic of the topics whose every partition has answered as led. */
    private static final Set<String> LED = ConcurrentHashMap.newKeySet();

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
        awaitLeaders(records.stream().map(ProducerRecord::topic).distinct().toList());
        return sendAll(records, producer(List.of(bootstrapServers, registryUrl), () -> {
            AvroSerializer<Object> values = new AvroSerializer<>();
            values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl), false);
            return values;
        }));
    }

    public RecordMetadata sendRaw(ProducerRecord<String, byte[]> record) {
        awaitLeaders(List.of(record.topic()));
        return sendAll(List.of(record), producer(List.of(bootstrapServers), ByteArraySerializer::new)).getFirst();
    }

    /**
     * Waits until every partition of a topic this writer has not written before answers ListOffsets
     * from its leader, as the services do at start ({@code TopicLeaders}): a partition just created is
     * in metadata a moment before its leader serves it, and the shared idempotent producer writing in
     * that moment gets NOT_LEADER_OR_FOLLOWER and then fails its later batches out of sequence.
     */
    private void awaitLeaders(List<String> topics) {
        List<String> fresh = topics.stream().filter(topic -> !LED.contains(bootstrapServers + "/" + topic)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(fresh).allTopicNames().get(30, TimeUnit.SECONDS).values().forEach(topic ->
                    topic.partitions().forEach(p -> partitions.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
            fresh.forEach(topic -> LED.add(bootstrapServers + "/" + topic));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            // Not there yet (the first send creates it) or not led in time: the producer's own retries take over.
        }
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
