package io.dharma.kafka.processing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/**
 * CloudEvents 1.0 binary-mode attributes of a Dharma event, as Kafka record headers (the Kafka
 * protocol binding's {@code ce_} prefix), written on every public topic record by the outbox and
 * the event publisher: tools outside the Confluent ecosystem route on them without decoding Avro.
 * {@code ce_id} is the envelope's eventId; {@code ce_type} the value's schema name, followed by the
 * payload's record name for events whose {@code payload} is a union
 * ({@code io.dharma.events.DeploymentEvent.DeploymentSucceeded}); {@code ce_source}
 * {@code /dharma/<producer>}; {@code ce_subject} the blueprintId (lifecycle topics) or the tenant
 * (the security topic); {@code ce_time} ISO-8601 {@code occurredAt}.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** The headers of {@code event}; empty when it has no envelope (not a Dharma event). */
    public static Map<String, String> of(SpecificRecord event) {
        GenericRecord envelope = EnvelopeAccess.envelopeRecordOf(event).orElse(null);
        if (envelope == null) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, EnvelopeAccess.text(envelope, "eventId"));
        headers.put(TYPE, type(event));
        headers.put(SOURCE, "/dharma/" + EnvelopeAccess.text(envelope, "producer"));
        String subject = EnvelopeAccess.text(envelope, "blueprintId");
        headers.put(SUBJECT, subject != null ? subject : EnvelopeAccess.text(envelope, "tenantId"));
        Object occurredAt = envelope.get("occurredAt");
        if (occurredAt != null) {
            headers.put(TIME, (occurredAt instanceof Instant instant ? instant : Instant.ofEpochMilli((Long) occurredAt)).toString());
        }
        headers.put(CONTENT_TYPE, "application/avro");
        headers.values().removeIf(java.util.Objects::isNull);
        return headers;
    }

    /** As {@link #of(SpecificRecord)}, after {@code others} (which win on a clash). */
    public static Map<String, String> with(SpecificRecord event, Map<String, String> others) {
        Map<String, String> headers = new LinkedHashMap<>(of(event));
        headers.putAll(others);
        return headers;
    }

    private static String type(SpecificRecord event) {
        Schema schema = event.getSchema();
        Schema.Field payload = schema.getField("payload");
        if (payload != null && event.get(payload.pos()) instanceof GenericRecord record) {
            return schema.getFullName() + "." + record.getSchema().getName();
        }
        return schema.getFullName();
    }
}
