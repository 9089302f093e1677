package io.dharma.kafka.processing;

import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

import io.dharma.events.Envelope;

/**
 * The one way to read the {@link Envelope} of any Dharma event without knowing its class: every
 * top-level event record has a field {@code envelope} of that type. A service's event (a specific
 * record) has an {@link Envelope}; an event the operations tools decode with its writer's schema
 * has a generic record in its place, read with {@link #envelopeRecordOf} and {@link #text}.
 */
public final class EnvelopeAccess {

    public static final String FIELD = "envelope";

    private EnvelopeAccess() {
    }

    /** The envelope of {@code value}, or empty when it is not an Avro record with an envelope. */
    public static Optional<Envelope> envelopeOf(Object value) {
        return envelopeRecordOf(value).filter(Envelope.class::isInstance).map(Envelope.class::cast);
    }

    /** The envelope of {@code value}; an {@link UnprocessableEventException} when it has none. */
    public static Envelope requireEnvelope(Object value) {
        return envelopeOf(value).orElseThrow(() -> new UnprocessableEventException(
                "Value " + (value == null ? "null" : value.getClass().getName())
                        + " is not a Dharma event: it has no '" + FIELD + "' field of type " + Envelope.class.getName()));
    }

    /** The envelope of a specific or generic event record, or empty when {@code value} has none. */
    public static Optional<GenericRecord> envelopeRecordOf(Object value) {
        if (!(value instanceof GenericRecord record)) {
            return Optional.empty();
        }
        Schema.Field field = record.getSchema().getField(FIELD);
        return field != null && record.get(field.pos()) instanceof GenericRecord envelope
                ? Optional.of(envelope) : Optional.empty();
    }

    /** The tenant of an event record, specific or generic; null when it has no envelope. */
    public static String tenantOf(Object value) {
        return text(envelopeRecordOf(value).orElse(null), "tenantId");
    }

    /** Field {@code name} of {@code record} as text; null when the record, the field or its value is missing. */
    public static String text(GenericRecord record, String name) {
        Schema.Field field = record == null ? null : record.getSchema().getField(name);
        Object value = field == null ? null : record.get(field.pos());
        return value == null ? null : value.toString();
    }
}
