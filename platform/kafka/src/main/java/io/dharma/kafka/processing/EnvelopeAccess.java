package io.dharma.kafka.processing;

import java.util.Optional;

import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import io.dharma.events.Envelope;

/**
 * Reads the {@link Envelope} of any Dharma event without knowing its class: every top-level
 * event record has a field {@code envelope} of that type.
 */
public final class EnvelopeAccess {

    public static final String FIELD = "envelope";

    private EnvelopeAccess() {
    }

    /** The envelope of {@code value}, or empty when it is not an Avro record with an envelope. */
    public static Optional<Envelope> envelopeOf(Object value) {
        if (!(value instanceof IndexedRecord record)) {
            return Optional.empty();
        }
        Schema.Field field = record.getSchema().getField(FIELD);
        if (field == null) {
            return Optional.empty();
        }
        return record.get(field.pos()) instanceof Envelope envelope ? Optional.of(envelope) : Optional.empty();
    }

    /** The envelope of {@code value}; an {@link UnprocessableEventException} when it has none. */
    public static Envelope requireEnvelope(Object value) {
        return envelopeOf(value).orElseThrow(() -> new UnprocessableEventException(
                "Value " + (value == null ? "null" : value.getClass().getName())
                        + " is not a Dharma event: it has no '" + FIELD + "' field of type " + Envelope.class.getName()));
    }
}
