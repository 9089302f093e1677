package io.dharma.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dharma.serde.AvroSerializer;
import io.dharma.serde.SchemaRegistryClient;
import io.dharma.testing.EmbeddedStack;
import io.dharma.topics.TopicKind;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Topics and records on the real embedded stack, for the operations' tests. */
final class TestKafka implements AutoCloseable {

    /** What was written: where it landed, for comparing with what the operations read. */
    record Written(String topic, int partition, long offset, long timestamp, String key, String tenant) {
    }

    static final EmbeddedStack STACK = EmbeddedStack.get();

    private final Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()));
    private final SchemaRegistryClient registry = SchemaRegistryClient.create(STACK.registryUrl());
    private final AvroSerializer<SpecificRecord> serializer = new AvroSerializer<>(registry);
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    static ClusterAccess cluster() {
        return new ClusterAccess(STACK.bootstrapServers(), STACK.registryUrl());
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Admin admin() {
        return admin;
    }

    void createTopic(String name, int partitions) throws Exception {
        createTopics(List.of(name), partitions);
    }

    /**
     * Created as the platform creates its event topics, keeping records forever: the tests write
     * fixed past timestamps, which the broker's default 7-day retention would soon delete.
     */
    void createTopics(List<String> names, int partitions) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = names.stream().filter(n -> !existing.contains(n))
                .map(n -> new NewTopic(n, partitions, (short) 1).configs(TopicKind.EVENT.configs())).toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
        }
    }

    Written send(String topic, String key, SpecificRecord value, long timestamp, String tenant) throws Exception {
        return sendBytes(topic, key, serializer.serialize(topic, value), timestamp, tenant);
    }

    /** Lets the default partitioner place the record by key, as the services' producers do. */
    Written sendBytes(String topic, String key, byte[] value, long timestamp, String tenant) throws Exception {
        RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, null, timestamp, key, value)).get(10, TimeUnit.SECONDS);
        return new Written(topic, metadata.partition(), metadata.offset(), timestamp, key, tenant);
    }

    /** A consumer in group {@code group} that reads the topic to its end and commits, then closes. */
    void consumeAndCommit(String group, String topic, int expected) {
        try (KafkaConsumer<String, byte[]> consumer = member(group, topic)) {
            AtomicInteger read = new AtomicInteger();
            joining().until(() -> read.addAndGet(consumer.poll(Duration.ofMillis(200)).count()) >= expected);
            consumer.commitSync();
        }
    }

    /** A subscribed consumer that has joined its group (it polled until it got partitions). */
    KafkaConsumer<String, byte[]> activeMember(String group, String topic) {
        KafkaConsumer<String, byte[]> consumer = member(group, topic);
        joining().until(() -> {
            consumer.poll(Duration.ofMillis(100));
            return !consumer.assignment().isEmpty();
        });
        return consumer;
    }

    /** A wait that polls a group member: on the test's thread, as a KafkaConsumer must not be shared. */
    private static ConditionFactory joining() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollDelay(Duration.ZERO);
    }

    private static KafkaConsumer<String, byte[]> member(String group, String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Override
    public void close() {
        producer.close();
        admin.close();
        registry.close();
    }
}
