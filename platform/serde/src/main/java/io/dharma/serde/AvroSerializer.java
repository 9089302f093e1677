package io.dharma.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serializes Avro records (generated {@link SpecificRecord}s, or {@link GenericContainer}s such
 * as GenericRecord) in Confluent's wire format, under the subject {@code <topic>-key} or
 * {@code <topic>-value}. Thread-safe, as Kafka requires; datum writers are cached per schema.
 *
 * <p>Use it from configuration ({@code value.serializer=io.dharma.serde.AvroSerializer} with
 * {@code schema.registry.url}), or construct it with a shared {@link SchemaRegistryClient}.
 */
public class AvroSerializer<T> implements Serializer<T> {

    private record WriterKey(Schema schema, ClassLoader modelLoader) {
    }

    private record CachedLatest(RegisteredSchema schema, long fetchedAtNanos) {
    }

    private final ConcurrentMap<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CachedLatest> latestBySubject = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerdeConfig config = new AvroSerdeConfig(Map.of());
    private boolean isKey;

    /** For Kafka to instantiate from configuration; {@link #configure} must follow. */
    public AvroSerializer() {
    }

    /** Uses the given client; settings are defaults until {@link #configure} is called. */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    public AvroSerializer(SchemaRegistryClient client, Map<String, ?> configs, boolean isKey) {
        this.client = client;
        configure(configs, isKey);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = new AvroSerdeConfig(configs);
        this.isKey = isKey;
        if (client == null) {
            client = new SchemaRegistryClient(config.clientConfig());
            ownsClient = true;
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroSerializer is not configured: set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        if (!(data instanceof GenericContainer container)) {
            throw new SerializationException("AvroSerializer serializes Avro records only, got "
                    + data.getClass().getName());
        }
        String subject = Subjects.subject(topic, isKey);
        Schema recordSchema = container.getSchema();
        try {
            if (config.useLatestVersion()) {
                RegisteredSchema latest = latest(subject);
                return frame(latest.id(), latest.schema(), data, recordSchema);
            }
            int id = config.autoRegisterSchemas()
                    ? client.register(subject, recordSchema, config.normalizeSchemas())
                    : client.getId(subject, recordSchema, config.normalizeSchemas());
            return frame(id, recordSchema, data, recordSchema);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot get a schema id for subject %s (%s): %s"
                    .formatted(subject, recordSchema.getFullName(), e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot serialize %s for topic %s: %s"
                    .formatted(recordSchema.getFullName(), topic, e.getMessage()), e);
        }
    }

    private byte[] frame(int id, Schema writeSchema, Object data, Schema recordSchema) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(WireFormat.header(id));
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        if (writeSchema.equals(recordSchema)) {
            writerFor(recordSchema, data).write(data, encoder);
        } else {
            // use.latest.version with an older/newer class: resolve the record into the registered schema.
            writerFor(writeSchema, null).write(convert(data, recordSchema, writeSchema), encoder);
        }
        encoder.flush();
        return out.toByteArray();
    }

    private Object convert(Object data, Schema from, Schema to) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
        writerFor(from, data).write(data, encoder);
        encoder.flush();
        return new GenericDatumReader<>(from, to, GenericData.get())
                .read(null, DecoderFactory.get().binaryDecoder(buffer.toByteArray(), null));
    }

    private DatumWriter<Object> writerFor(Schema schema, Object data) {
        boolean specific = data instanceof SpecificRecord;
        ClassLoader loader = specific ? data.getClass().getClassLoader() : null;
        return writers.computeIfAbsent(new WriterKey(schema, loader), key -> specific
                // The generated class's own model carries its logical-type conversions.
                ? new SpecificDatumWriter<>(schema, SpecificData.getForClass(data.getClass()))
                : new GenericDatumWriter<>(schema, GenericData.get()));
    }

    private RegisteredSchema latest(String subject) {
        CachedLatest cached = latestBySubject.get(subject);
        var ttl = config.latestCacheTtl();
        if (cached != null && (ttl == null || System.nanoTime() - cached.fetchedAtNanos() < ttl.toNanos())) {
            return cached.schema();
        }
        RegisteredSchema latest = client.getLatestVersion(subject);
        latestBySubject.put(subject, new CachedLatest(latest, System.nanoTime()));
        return latest;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
