package io.dharma.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.serde.testdata.TestOrder;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Serializer and deserializer through a real topic, with schemas in the real embedded registry. */
class AvroSerdeKafkaTest {

    /** Version 1 of TestOrder: no note. */
    static final Schema ORDER_V1 = new Schema.Parser().parse("""
            {"type":"record","name":"TestOrder","namespace":"io.dharma.serde.testdata","fields":[
              {"name":"id","type":"string"},
              {"name":"quantity","type":"int"},
              {"name":"placedAt","type":{"type":"long","logicalType":"timestamp-millis"}}]}""");
    /** Version 3 of TestOrder: adds a channel. */
    static final Schema ORDER_V3 = new Schema.Parser().parse("""
            {"type":"record","name":"TestOrder","namespace":"io.dharma.serde.testdata","fields":[
              {"name":"id","type":"string"},
              {"name":"quantity","type":"int"},
              {"name":"placedAt","type":{"type":"long","logicalType":"timestamp-millis"}},
              {"name":"note","type":"string","default":""},
              {"name":"channel","type":"string","default":"web"}]}""");

    static SchemaRegistryClient client;

    @BeforeAll
    static void setUp() {
        client = SchemaRegistryClient.create(TestInfra.registryUrl());
    }

    @AfterAll
    static void tearDown() {
        client.close();
    }

    static String newTopic() {
        String topic = "serde-" + UUID.randomUUID();
        TestInfra.createTopic(topic);
        return topic;
    }

    static TestOrder order(String id) {
        return TestOrder.newBuilder().setId(id).setQuantity(3)
                .setPlacedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setNote("fragile").build();
    }

    static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    static <V> void produce(String topic, AvroSerializer<V> serializer, List<V> values) throws Exception {
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer)) {
            for (V value : values) {
                producer.send(new ProducerRecord<>(topic, "k", value)).get();
            }
        }
    }

    static List<byte[]> consumeRaw(String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        assertThat(values).hasSize(count);
        return values;
    }

    @Test
    void specificRecordRoundTripsThroughATopicInConfluentWireFormat() throws Exception {
        String topic = newTopic();
        TestOrder sent = order("o-1");

        produce(topic, new AvroSerializer<>(client), List.of(sent));

        byte[] payload = consumeRaw(topic, 1).getFirst();
        int registeredId = client.getLatestVersion(topic + "-value").id();
        assertThat(payload[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(payload, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(java.util.Arrays.copyOfRange(payload, 5, payload.length)).isEqualTo(avroBinary(sent));
        try (AvroDeserializer<TestOrder> deserializer = new AvroDeserializer<>(client, TestOrder.class)) {
            assertThat(deserializer.deserialize(topic, payload)).isEqualTo(sent);
        }
    }

    @Test
    void configuredByPropertiesLikeConfluentsSerdes() throws Exception {
        String topic = newTopic();
        TestOrder sent = order("o-2");
        Map<String, Object> producer = new java.util.HashMap<>(producerConfig());
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        producer.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestInfra.registryUrl());
        try (KafkaProducer<String, TestOrder> kafkaProducer = new KafkaProducer<>(producer)) {
            kafkaProducer.send(new ProducerRecord<>(topic, "k", sent)).get();
        }

        Map<String, Object> consumer = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "typed-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestInfra.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        List<Object> received = new ArrayList<>();
        try (KafkaConsumer<String, Object> kafkaConsumer = new KafkaConsumer<>(consumer)) {
            kafkaConsumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                kafkaConsumer.poll(Duration.ofMillis(200)).forEach(r -> received.add(r.value()));
            }
        }
        assertThat(received).containsExactly(sent);
    }

    @Test
    void olderAndNewerWritersReadIntoTheCurrentClass() throws Exception {
        String topic = newTopic();
        Instant placed = Instant.parse("2025-01-02T03:04:05.678Z");
        GenericRecord v1 = new GenericData.Record(ORDER_V1);
        v1.put("id", "old");
        v1.put("quantity", 1);
        v1.put("placedAt", placed.toEpochMilli());
        GenericRecord v3 = new GenericData.Record(ORDER_V3);
        v3.put("id", "new");
        v3.put("quantity", 2);
        v3.put("placedAt", placed.toEpochMilli());
        v3.put("note", "n");
        v3.put("channel", "api");

        produce(topic, new AvroSerializer<GenericRecord>(client), List.of(v1));
        produce(topic, new AvroSerializer<TestOrder>(client), List.of(order("current")));
        produce(topic, new AvroSerializer<GenericRecord>(client), List.of(v3));

        assertThat(client.getVersions(topic + "-value")).containsExactly(1, 2, 3);
        List<byte[]> payloads = consumeRaw(topic, 3);
        try (AvroDeserializer<TestOrder> deserializer = new AvroDeserializer<>(client, TestOrder.class)) {
            TestOrder fromV1 = deserializer.deserialize(topic, payloads.get(0));
            TestOrder fromV3 = deserializer.deserialize(topic, payloads.get(2));

            assertThat(fromV1.getId()).isEqualTo("old");
            assertThat(fromV1.getNote()).isEqualTo("");
            assertThat(fromV1.getPlacedAt()).isEqualTo(placed);
            assertThat(fromV3.getId()).isEqualTo("new");
            assertThat(fromV3.getNote()).isEqualTo("n");
        }
        try (AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(client)) {
            assertThat(generic.deserialize(topic, payloads.get(2)).get("channel").toString()).isEqualTo("api");
        }
    }

    @Test
    void useLatestVersionWritesWithTheRegisteredSchema() throws Exception {
        String topic = newTopic();
        int latestId = client.register(topic + "-value", ORDER_V3);
        AvroSerializer<TestOrder> serializer = new AvroSerializer<>(client, Map.of(
                AvroSerdeConfig.USE_LATEST_VERSION, true,
                AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        byte[] payload = serializer.serialize(topic, order("o-3"));

        assertThat(WireFormat.schemaId(payload)).isEqualTo(latestId);
        try (AvroDeserializer<GenericRecord> generic = new AvroDeserializer<>(client)) {
            GenericRecord read = generic.deserialize(topic, payload);
            assertThat(read.getSchema()).isEqualTo(ORDER_V3);
            assertThat(read.get("channel").toString()).isEqualTo("web");
            assertThat(read.get("note").toString()).isEqualTo("fragile");
        }
    }

    @Test
    void withoutAutoRegistrationAnUnknownSchemaFailsClearly() {
        String topic = newTopic();
        AvroSerializer<TestOrder> serializer = new AvroSerializer<>(client,
                Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

        assertThatThrownBy(() -> serializer.serialize(topic, order("o-4")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(topic + "-value")
                .hasMessageContaining("40401");

        client.register(topic + "-value", TestOrder.getClassSchema());
        assertThat(WireFormat.schemaId(serializer.serialize(topic, order("o-4")))).isPositive();
    }

    @Test
    void anIncompatibleRecordIsRefusedByTheRegistry() {
        String topic = newTopic();
        client.register(topic + "-value", TestOrder.getClassSchema());
        Schema incompatible = new Schema.Parser().parse("""
                {"type":"record","name":"TestOrder","namespace":"io.dharma.serde.testdata","fields":[
                  {"name":"id","type":"long"}]}""");
        GenericRecord record = new GenericData.Record(incompatible);
        record.put("id", 7L);

        assertThatThrownBy(() -> new AvroSerializer<GenericRecord>(client).serialize(topic, record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("incompatible")
                .hasMessageContaining("error code: 409");
    }

    @Test
    void keysUseTheKeySubject() {
        String topic = newTopic();
        AvroSerializer<TestOrder> keySerializer = new AvroSerializer<>(client, Map.of(), true);

        keySerializer.serialize(topic, order("k"));

        assertThat(client.getSubjects()).contains(topic + "-key").doesNotContain(topic + "-value");
    }

    @Test
    void serdeForKafkaStreamsRoundTrips() {
        String topic = "streams-" + UUID.randomUUID();
        TestOrder sent = order("o-5");
        try (AvroSerde<TestOrder> serde = AvroSerdes.specific(TestOrder.class,
                Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, TestInfra.registryUrl()), false)) {
            byte[] bytes = serde.serializer().serialize(topic, sent);

            assertThat(serde.deserializer().deserialize(topic, bytes)).isEqualTo(sent);
            assertThat(serde.serializer().serialize(topic, null)).isNull();
            assertThat(serde.deserializer().deserialize(topic, null)).isNull();
        }
    }

    @Test
    void dataInAnotherFormatIsRejectedWithTheTopicAndReason() {
        try (AvroDeserializer<TestOrder> deserializer = new AvroDeserializer<>(client, TestOrder.class)) {
            assertThatThrownBy(() -> deserializer.deserialize("t", "{\"json\":true}".getBytes()))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("magic byte");
            assertThatThrownBy(() -> deserializer.deserialize("t", WireFormat.header(987654)))
                    .isInstanceOf(SerializationException.class).hasMessageContaining("987654")
                    .hasMessageContaining("40403");
        }
    }

    private static byte[] avroBinary(TestOrder order) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<TestOrder>(TestOrder.class).write(order, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
