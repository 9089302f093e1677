package io.dharma.serde;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent wire-format Avro. The writer schema comes from the registry by the id in the
 * payload; the reader schema is
 * <ul>
 *   <li>the schema of the target class, when one is given (constructor, or
 *       {@code specific.avro.key.type}/{@code specific.avro.value.type});</li>
 *   <li>else, with {@code specific.avro.reader=true}, the generated class named by the writer schema;</li>
 *   <li>else the writer schema itself, giving a GenericRecord.</li>
 * </ul>
 * Avro schema resolution bridges writer and reader, so data written with an older or newer
 * compatible schema reads into the current class. Thread-safe; readers are cached per schema id.
 */
public class AvroDeserializer<T> implements Deserializer<T> {

    private final ConcurrentMap<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private Class<?> targetType;
    private boolean specificReader;

    /** For Kafka to instantiate from configuration; {@link #configure} must follow. */
    public AvroDeserializer() {
    }

    /** Reads GenericRecords (or specific ones once configured with specific.avro.reader). */
    public AvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** Reads into the generated class {@code type}, resolving from whichever schema wrote the data. */
    public AvroDeserializer(SchemaRegistryClient client, Class<T> type) {
        this.client = client;
        this.targetType = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        if (client == null) {
            client = new SchemaRegistryClient(config.clientConfig());
            ownsClient = true;
        }
        if (targetType == null) {
            targetType = config.specificType(isKey);
        }
        specificReader = config.specificAvroReader();
        readers.clear();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] payload) {
        if (payload == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("AvroDeserializer is not configured: set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
        int id = WireFormat.schemaId(payload);
        try {
            DatumReader<Object> reader = readers.computeIfAbsent(id, this::newReader);
            return (T) reader.read(null, DecoderFactory.get().binaryDecoder(
                    payload, WireFormat.HEADER_SIZE, payload.length - WireFormat.HEADER_SIZE, null));
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Cannot fetch writer schema %d for topic %s: %s"
                    .formatted(id, topic, e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot deserialize Avro data with schema id %d from topic %s: %s"
                    .formatted(id, topic, e.getMessage()), e);
        }
    }

    private DatumReader<Object> newReader(int schemaId) {
        Schema writer = client.getSchemaById(schemaId);
        Class<?> type = targetType;
        if (type == null && specificReader) {
            type = SpecificData.get().getClass(writer);
            if (type == null) {
                throw new SerializationException("No generated class %s on the classpath for schema id %d"
                        .formatted(writer.getFullName(), schemaId));
            }
        }
        if (type == null) {
            return new GenericDatumReader<>(writer, writer, GenericData.get());
        }
        SpecificData model = SpecificData.getForClass(type);
        return new SpecificDatumReader<>(writer, model.getSchema(type), model);
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
