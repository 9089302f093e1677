package io.dharma.operations;

import org.apache.avro.generic.GenericRecord;

/** Reads the envelope every Dharma event carries, from a generic record of any topic's schema. */
final class Envelopes {

    private Envelopes() {
    }

    static GenericRecord of(GenericRecord event) {
        if (event == null || event.getSchema().getField("envelope") == null) {
            return null;
        }
        return event.get("envelope") instanceof GenericRecord envelope ? envelope : null;
    }

    static String text(GenericRecord record, String field) {
        if (record == null || record.getSchema().getField(field) == null) {
            return null;
        }
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    static String tenantOf(GenericRecord event) {
        return text(of(event), "tenantId");
    }
}
