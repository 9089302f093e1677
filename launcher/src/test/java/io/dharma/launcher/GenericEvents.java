package io.dharma.launcher;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.dharma.testing.TopicProbe;

/**
 * The platform's events as a downstream team without the generated classes reads them: through a
 * {@link TopicProbe} with values decoded as generic Avro records, and their envelope fields by name.
 */
final class GenericEvents {

    private GenericEvents() {
    }

    static TopicProbe probe(RunningPlatform platform) {
        return new TopicProbe(platform.bootstrapServers(), platform.registryUrl()).generic();
    }

    private static GenericRecord envelope(ConsumerRecord<String, GenericRecord> record) {
        return (GenericRecord) record.value().get("envelope");
    }

    static String field(GenericRecord record, String name) {
        Object value = record.get(name);
        return value == null ? null : value.toString();
    }

    static String trackingId(ConsumerRecord<String, GenericRecord> record) {
        return field(envelope(record), "trackingId");
    }

    static String eventId(ConsumerRecord<String, GenericRecord> record) {
        return field(envelope(record), "eventId");
    }

    static String causationId(ConsumerRecord<String, GenericRecord> record) {
        return field(envelope(record), "causationId");
    }
}
