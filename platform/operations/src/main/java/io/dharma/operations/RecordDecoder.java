package io.dharma.operations;

import io.dharma.serde.AvroDeserializer;
import io.dharma.serde.SchemaRegistryClient;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decodes record values through the registry with the schema that wrote them (no reader schema:
 * an operator sees exactly what was written, even by a newer producer).
 */
final class RecordDecoder implements AutoCloseable {

    /** A decoded value, or why it could not be decoded. A null value (tombstone) decodes to null. */
    record Decoded(GenericRecord value, String error) {

        boolean ok() {
            return error == null;
        }
    }

    private final SchemaRegistryClient registry;
    private final AvroDeserializer<GenericRecord> deserializer;

    RecordDecoder(ClusterAccess cluster) {
        this.registry = cluster.registry();
        this.deserializer = new AvroDeserializer<>(registry);
    }

    Decoded decode(ConsumerRecord<String, byte[]> record) {
        try {
            return new Decoded(deserializer.deserialize(record.topic(), record.headers(), record.value()), null);
        } catch (SerializationException e) {
            return new Decoded(null, e.getMessage());
        }
    }

    @Override
    public void close() {
        registry.close();
    }
}
