package io.dharma.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentOperation;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DriftEvent;
import io.dharma.events.DriftResolution;
import io.dharma.events.DriftResolved;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.ResourceObserved;
import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.AvroSerdeConfig;
import io.dharma.serde.AvroSerializer;
import io.dharma.serde.SchemaRegistryClient;
import io.dharma.serde.SchemaRegistryException;
import io.dharma.serde.Subjects;
import io.dharma.serde.WireFormat;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TopicProbe;

/**
 * The rules of SCHEMA-EVOLUTION.md, shown on the real registry (REST API of the embedded
 * registry, which enforces BACKWARD like Confluent's) and a real broker, with copies of real
 * event schemas edited the way a producer team would. Each test uses its own topic, so its own
 * subject.
 */
class SchemaEvolutionTest {

    private static final EmbeddedStack STACK = EmbeddedStack.get();
    private static final Envelopes ENVELOPES = Envelopes.forProducer("contracts-test");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static SchemaRegistryClient registry;
    private static Admin admin;

    @BeforeAll
    static void connect() {
        registry = SchemaRegistryClient.create(STACK.registryUrl());
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers()));
    }

    @AfterAll
    static void disconnect() {
        registry.close();
        admin.close();
    }

    @Test
    void subjectsAreBackwardCompatibleByDefault() {
        assertThat(registry.getCompatibility(Subjects.subject(newTopic(), false))).isEqualTo("BACKWARD");
    }

    @Test
    void anOptionalFieldWithADefaultIsAcceptedAndBothConsumerGenerationsReadBothWriterGenerations() throws Exception {
        String topic = newTopic();
        String subject = Subjects.subject(topic, false);
        ResourceObserved written = observation();
        Schema current = ResourceObserved.getClassSchema();
        Schema next = EvolvedSchemas.withField(current,
                "{\"name\": \"region\", \"type\": [\"null\", \"string\"], \"default\": null}");

        produce(topic, written);                                   // registers the current schema: version 1
        assertThat(registry.testCompatibility(subject, next).compatible()).isTrue();
        GenericRecord writtenByNext = convert(written, next);
        writtenByNext.put("region", "eu-west-1");
        produce(topic, writtenByNext);                             // the registry accepts version 2

        assertThat(registry.getVersions(subject)).containsExactly(1, 2);

        // Old consumer code: the generated class as reader, configured like any downstream consumer.
        List<ResourceObserved> readByOldCode = consume(topic, Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, ResourceObserved.class.getName()), 2);
        assertThat(readByOldCode).containsExactly(written, written); // region is simply not seen

        // New consumer code: the new schema as reader, whichever schema wrote the record.
        List<byte[]> raw = TopicProbe.onStack().readAllRaw(topic).stream().map(ConsumerRecord::value).toList();
        GenericRecord oldRecordReadByNew = readAs(raw.get(0), next);
        GenericRecord newRecordReadByNew = readAs(raw.get(1), next);
        assertThat(oldRecordReadByNew.get("region")).as("default filled in").isNull();
        assertThat(oldRecordReadByNew.get("resourceName").toString()).isEqualTo(written.getResourceName());
        assertThat(newRecordReadByNew.get("region").toString()).isEqualTo("eu-west-1");
    }

    @Test
    void aNewFieldWithoutDefaultIsRefusedWith409AndConfluentsErrorBody() throws Exception {
        String topic = newTopic();
        String subject = Subjects.subject(topic, false);
        produce(topic, observation());
        Schema next = EvolvedSchemas.withField(ResourceObserved.getClassSchema(),
                "{\"name\": \"region\", \"type\": \"string\"}");

        HttpResponse<String> response = register(subject, next);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/vnd.schemaregistry.v1+json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.path("error_code").asInt()).isEqualTo(409);
        assertThat(error.path("message").asString())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + subject + "\"")
                .contains("region");
        assertThat(registry.getVersions(subject)).containsExactly(1);
    }

    @Test
    void changingAFieldsTypeIsRefusedWith409() {
        String topic = newTopic();
        String subject = Subjects.subject(topic, false);
        produce(topic, observation());
        Schema next = EvolvedSchemas.withFieldType(ResourceObserved.getClassSchema(), "exists", "\"string\"");

        assertThat(registry.testCompatibility(subject, next).compatible()).isFalse();
        assertThatThrownBy(() -> registry.register(subject, next))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.INCOMPATIBLE_SCHEMA);
                });
        assertThat(registry.getVersions(subject)).containsExactly(1);
    }

    @Test
    void aNewSymbolOfAnEnumWithADefaultReadsAsTheDefaultInOldConsumers() throws Exception {
        String topic = newTopic();
        DriftEvent resolved = DriftEvent.newBuilder()
                .setEnvelope(envelope())
                .setDeploymentId(UUID.randomUUID().toString())
                .setResourceName("uploads")
                .setResourceType("storage.bucket")
                .setPayload(DriftResolved.newBuilder()
                        .setResolution(DriftResolution.CONVERGED)
                        .setDriftStartedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .build())
                .build();
        produce(topic, resolved);
        Schema next = EvolvedSchemas.withEnumSymbol(DriftEvent.getClassSchema(), "DriftResolution", "IMPORTED");
        GenericRecord withNewSymbol = convert(resolved, next);
        GenericRecord payload = (GenericRecord) withNewSymbol.get("payload");
        payload.put("resolution", new GenericData.EnumSymbol(
                next.getField("payload").schema().getTypes().get(1).getField("resolution").schema(), "IMPORTED"));

        produce(topic, withNewSymbol);   // BACKWARD: new readers read old symbols, so the registry accepts it

        List<DriftEvent> readByOldCode = consume(topic, Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, DriftEvent.class.getName()), 2);
        assertThat(((DriftResolved) readByOldCode.get(1).getPayload()).getResolution()).isEqualTo(DriftResolution.OTHER);
    }

    @Test
    void aNewSymbolOfAnEnumWithoutDefaultIsAcceptedByTheRegistryButBreaksOldConsumers() {
        String topic = newTopic();
        DeploymentEvent requested = deploymentRequested();
        produce(topic, requested);
        Schema next = EvolvedSchemas.withEnumSymbol(DeploymentEvent.getClassSchema(), "DeploymentOperation", "IMPORT");
        GenericRecord withNewSymbol = convert(requested, next);
        GenericRecord payload = (GenericRecord) withNewSymbol.get("payload");
        payload.put("operation", new GenericData.EnumSymbol(
                payload.getSchema().getField("operation").schema(), "IMPORT"));

        produce(topic, withNewSymbol);   // the registry's BACKWARD check cannot see this hazard

        assertThatThrownBy(() -> consume(topic, Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, DeploymentEvent.class.getName()), 2))
                .isInstanceOf(SerializationException.class)
                .hasStackTraceContaining("IMPORT");
    }

    @Test
    void aNewEventKindIsAcceptedByTheRegistryButOldConsumersMisreadItAsAnOldKindOfTheSameShape() {
        String topic = newTopic();
        DeploymentEvent requested = deploymentRequested();
        produce(topic, requested);
        Schema next = EvolvedSchemas.withUnionBranch(DeploymentEvent.getClassSchema(), "payload", """
                {"type": "record", "name": "DeploymentPaused", "namespace": "io.dharma.events",
                 "fields": [{"name": "reason", "type": "string"}]}""");
        GenericRecord paused = convert(requested, next);
        Schema pausedSchema = next.getField("payload").schema().getTypes().getLast();
        GenericRecord pausedPayload = new GenericData.Record(pausedSchema);
        pausedPayload.put("reason", "maintenance window");
        paused.put("payload", pausedPayload);

        produce(topic, paused);   // BACKWARD: new readers know every old kind, so the registry accepts it

        List<DeploymentEvent> readByOldCode = consume(topic, Map.of(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName(),
                AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, DeploymentEvent.class.getName()), 2);

        // No branch of the old union is called DeploymentPaused, so Avro's union resolution takes an
        // old record it can fill: DeploymentAwaitingApproval (reason, the rest defaulted). Silently.
        assertThat(readByOldCode.get(1).getPayload()).isInstanceOfSatisfying(DeploymentAwaitingApproval.class,
                misread -> assertThat(misread.getReason()).isEqualTo("maintenance window"));
    }

    // --- plumbing ---

    private static DeploymentEvent deploymentRequested() {
        return DeploymentEvent.newBuilder()
                .setEnvelope(envelope())
                .setDeploymentId(UUID.randomUUID().toString())
                .setPayload(DeploymentRequested.newBuilder()
                        .setOperation(DeploymentOperation.APPLY)
                        .setIacContentHash("sha256:00")
                        .setExecutor("sandbox")
                        .build())
                .build();
    }

    private static String newTopic() {
        String topic = "contracts.evolution." + UUID.randomUUID();
        try {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create " + topic, e);
        }
        return topic;
    }

    private static Envelope envelope() {
        return ENVELOPES.originating("tenant-evolution", UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1);
    }

    private static ResourceObserved observation() {
        Envelope envelope = envelope();
        return ResourceObserved.newBuilder()
                .setEnvelope(envelope)
                .setDeploymentId(UUID.randomUUID().toString())
                .setResourceName("uploads")
                .setResourceType("storage.bucket")
                .setProviderId("arn:aws:s3:::uploads")
                .setExists(true)
                .setAttributes(Map.of("versioning", "true"))
                .setObservedAt(envelope.getOccurredAt())
                .build();
    }

    /** Writes through the project's serializer, which registers the value's schema under {@code <topic>-value}. */
    private static void produce(String topic, Object value) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName(),
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, STACK.registryUrl());
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "blueprint-1", value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot produce to " + topic, e);
        }
    }

    /**
     * Reads the first {@code count} values of the topic with a fresh consumer group, configured as a
     * downstream consumer's: unlike {@link TopicProbe}, which skips what it cannot decode, a failure
     * to deserialize reaches the caller.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> consume(String topic, Map<String, Object> valueConfig, int count) {
        Map<String, Object> config = new java.util.HashMap<>(valueConfig);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "contracts-evolution-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, STACK.registryUrl());
        List<T> values = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add((T) record.value());
                }
            }
        }
        assertThat(values).as("records read from %s", topic).hasSize(count);
        return values;
    }

    /** The record as a GenericRecord of {@code schema} (Avro schema resolution, as a reader would). */
    private static GenericRecord convert(SpecificRecord record, Schema schema) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(record.getSchema(), SpecificData.getForClass(record.getClass()))
                    .write(record, encoder);
            encoder.flush();
            return new GenericDatumReader<GenericRecord>(record.getSchema(), schema, GenericData.get())
                    .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Confluent wire-format value read with {@code reader}, its writer schema fetched by id. */
    private static GenericRecord readAs(byte[] value, Schema reader) throws IOException {
        Schema writer = registry.getSchemaById(WireFormat.schemaId(value));
        return new GenericDatumReader<GenericRecord>(writer, reader, GenericData.get()).read(null,
                DecoderFactory.get().binaryDecoder(value, WireFormat.HEADER_SIZE, value.length - WireFormat.HEADER_SIZE, null));
    }

    private static HttpResponse<String> register(String subject, Schema schema) throws Exception {
        String body = JSON.writeValueAsString(Map.of("schema", schema.toString()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(STACK.registryUrl() + "/subjects/" + subject + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }
}
