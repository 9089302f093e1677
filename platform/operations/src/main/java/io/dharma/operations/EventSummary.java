package io.dharma.operations;

import io.dharma.kafka.processing.EnvelopeAccess;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * An event's facts on one line, from its schema rather than per event type, so a new event or
 * field shows up without a change here: the scalar fields of the value and of its payload as
 * {@code name=value}, lists as their size, except lists of policy findings, which show the policy
 * ids (what a reader of a blocked blueprint's timeline wants).
 */
final class EventSummary {

    private static final int MAX_LENGTH = 200;
    private static final Set<String> SKIPPED = Set.of("envelope", "payload", "deploymentId", "document", "contentHash");
    private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

    private EventSummary() {
    }

    static String of(GenericRecord event) {
        List<String> parts = new ArrayList<>();
        describe(event, parts);
        if (event.getSchema().getField("payload") != null && event.get("payload") instanceof GenericRecord payload) {
            describe(payload, parts);
        }
        String line = String.join(" ", parts);
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }

    private static void describe(GenericRecord record, List<String> parts) {
        for (Schema.Field field : record.getSchema().getFields()) {
            if (SKIPPED.contains(field.name())) {
                continue;
            }
            String value = render(nonNull(field.schema(), record.get(field.name())), record.get(field.name()));
            if (value != null) {
                parts.add(field.name() + "=" + value);
            }
        }
    }

    private static String render(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        LogicalType logical = schema.getLogicalType();
        return switch (schema.getType()) {
            case STRING, ENUM, INT, BOOLEAN, DOUBLE, FLOAT -> quoteIfSpaced(value.toString());
            case LONG -> logical instanceof LogicalTypes.TimestampMillis
                    ? java.time.Instant.ofEpochMilli((Long) value).toString() : value.toString();
            case BYTES -> logical instanceof LogicalTypes.Decimal
                    ? decimal(schema, (ByteBuffer) value).toPlainString() : null;
            case ARRAY -> list(schema.getElementType(), (List<?>) value);
            case MAP -> ((Map<?, ?>) value).isEmpty() ? null : "{" + ((Map<?, ?>) value).size() + "}";
            default -> null;
        };
    }

    private static String list(Schema items, List<?> values) {
        if (items.getType() == Schema.Type.RECORD && items.getField("policyId") != null) {
            List<String> ids = values.stream().map(v -> EnvelopeAccess.text((GenericRecord) v, "policyId"))
                    .filter(java.util.Objects::nonNull).toList();
            if (!ids.isEmpty()) {
                return String.join(",", ids);
            }
        }
        if (items.getType() == Schema.Type.STRING) {
            return quoteIfSpaced(String.join(",", values.stream().map(Object::toString).toList()));
        }
        return values.isEmpty() ? null : "[" + values.size() + "]";
    }

    private static BigDecimal decimal(Schema schema, ByteBuffer bytes) {
        return DECIMALS.fromBytes(bytes.duplicate(), schema, schema.getLogicalType());
    }

    /** The non-null branch of an optional field ({@code ["null", T]}). */
    private static Schema nonNull(Schema schema, Object value) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        return schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).findFirst().orElse(schema);
    }

    private static String quoteIfSpaced(String text) {
        return text.contains(" ") ? "\"" + text + "\"" : text;
    }
}
