package io.dharma.serde;

import java.util.Map;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/** Ready-configured serdes, e.g. {@code AvroSerdes.specific(BlueprintSubmitted.class, config, false)}. */
public final class AvroSerdes {

    private AvroSerdes() {
    }

    /** A serde for a generated class; {@code config} holds at least {@code schema.registry.url}. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, Map<String, ?> config, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(type);
        serde.configure(config, isKey);
        return serde;
    }

    /** As {@link #specific(Class, Map, boolean)}, sharing an existing client and its caches. */
    public static <T extends SpecificRecord> AvroSerde<T> specific(Class<T> type, SchemaRegistryClient client,
                                                                 Map<String, ?> config, boolean isKey) {
        AvroSerde<T> serde = new AvroSerde<>(client, type);
        serde.configure(config, isKey);
        return serde;
    }

    /** A serde for GenericRecords, read with the writer's schema. */
    public static AvroSerde<GenericRecord> generic(Map<String, ?> config, boolean isKey) {
        AvroSerde<GenericRecord> serde = new AvroSerde<>();
        serde.configure(config, isKey);
        return serde;
    }
}
