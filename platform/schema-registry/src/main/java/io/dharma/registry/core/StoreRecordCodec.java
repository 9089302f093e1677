package io.dharma.registry.core;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes schema-log records in the JSON layout Confluent's registry uses in its {@code _schemas}
 * topic (keys {@code {"keytype":"SCHEMA","subject":..,"version":..,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":..,"magic":0}}), so the topic stays readable by Confluent
 * tooling and a migration in either direction is a topic copy. Key fields are always written in
 * the same order: compaction compares key bytes.
 */
public final class StoreRecordCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public byte[] encodeKey(StoreKey key) {
        ObjectNode node = JSON.createObjectNode();
        switch (key) {
            case StoreKey.SchemaKey k -> {
                node.put("keytype", "SCHEMA");
                node.put("subject", k.subject());
                node.put("version", k.version());
                node.put("magic", 1);
            }
            case StoreKey.ConfigKey k -> {
                node.put("keytype", "CONFIG");
                node.put("subject", k.subject());
                node.put("magic", 0);
            }
        }
        return bytes(node);
    }

    public byte[] encodeValue(StoreKey key, Object value) {
        if (value == null) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        switch (key) {
            case StoreKey.SchemaKey k -> {
                SchemaVersion v = (SchemaVersion) value;
                node.put("subject", v.subject());
                node.put("version", v.version());
                node.put("id", v.id());
                node.put("schema", v.schema());
                node.put("deleted", v.deleted());
            }
            case StoreKey.ConfigKey k -> node.put("compatibilityLevel", ((CompatibilityLevel) value).name());
        }
        return bytes(node);
    }

    /** Empty for record types this registry does not use (Confluent's NOOP, MODE, ...). */
    public Optional<StoreKey> decodeKey(byte[] bytes) {
        JsonNode node = JSON.readTree(bytes);
        String keyType = node.path("keytype").asString("");
        return switch (keyType) {
            case "SCHEMA" -> Optional.of(new StoreKey.SchemaKey(
                    node.path("subject").asString(), node.path("version").asInt()));
            case "CONFIG" -> Optional.of(new StoreKey.ConfigKey(
                    node.path("subject").isNull() || node.path("subject").isMissingNode()
                            ? null : node.path("subject").asString()));
            default -> Optional.empty();
        };
    }

    /**
     * Decodes a non-tombstone value. Empty for a schema of another type (Confluent topics may
     * hold JSON Schema or Protobuf entries, which this registry does not serve).
     */
    public Optional<Object> decodeValue(StoreKey key, byte[] bytes) {
        JsonNode node = JSON.readTree(bytes);
        return switch (key) {
            case StoreKey.SchemaKey k -> {
                String type = node.path("schemaType").asString(AvroSchemas.AVRO);
                if (!type.equalsIgnoreCase(AvroSchemas.AVRO)) {
                    yield Optional.empty();
                }
                yield Optional.of(new SchemaVersion(
                        node.path("subject").asString(),
                        node.path("version").asInt(),
                        node.path("id").asInt(),
                        node.path("schema").asString(),
                        node.path("deleted").asBoolean(false)));
            }
            case StoreKey.ConfigKey k -> CompatibilityLevel.parse(node.path("compatibilityLevel").asString(null))
                    .map(Object.class::cast);
        };
    }

    private static byte[] bytes(ObjectNode node) {
        return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
    }
}
