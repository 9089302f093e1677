package io.dharma.serde;

import java.util.Map;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * {@link AvroSerializer} and {@link AvroDeserializer} as one Kafka Streams {@link Serde}, sharing
 * one registry client and its caches. Build it with {@link AvroSerdes}, or name it as
 * {@code default.value.serde} (it is then configured from the Streams configuration).
 */
public class AvroSerde<T> implements Serde<T> {

    private final Class<T> type;
    private SchemaRegistryClient client;
    private boolean ownsClient;
    private AvroSerializer<T> serializer;
    private AvroDeserializer<T> deserializer;

    /** For Kafka Streams to instantiate from configuration; reads GenericRecords unless configured otherwise. */
    public AvroSerde() {
        this(null, null);
    }

    /** Reads into {@code type}; the registry client is created on {@link #configure}. */
    public AvroSerde(Class<T> type) {
        this(null, type);
    }

    /** Uses a shared client; {@code type} null reads GenericRecords. */
    public AvroSerde(SchemaRegistryClient client, Class<T> type) {
        this.client = client;
        this.type = type;
        if (client != null) {
            wire(client);
        }
    }

    private void wire(SchemaRegistryClient shared) {
        serializer = new AvroSerializer<>(shared);
        deserializer = type == null ? new AvroDeserializer<>(shared) : new AvroDeserializer<>(shared, type);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = new SchemaRegistryClient(new AvroSerdeConfig(configs).clientConfig());
            ownsClient = true;
            wire(client);
        }
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        requireConfigured();
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        requireConfigured();
        return deserializer;
    }

    private void requireConfigured() {
        if (serializer == null) {
            throw new IllegalStateException("AvroSerde is not configured: set " + AvroSerdeConfig.SCHEMA_REGISTRY_URL);
        }
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }
}
