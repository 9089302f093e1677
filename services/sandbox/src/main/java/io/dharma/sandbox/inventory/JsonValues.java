package io.dharma.sandbox.inventory;

import io.dharma.blueprint.PropertyValues;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.JSONB;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attribute maps to and from the inventory's JSONB columns. Values are normalised the blueprint
 * model's way ({@link PropertyValues}: integral numbers are {@code Long}, maps are key-sorted),
 * so what is read back compares equal to a desired state built from a blueprint.
 */
final class JsonValues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonValues() {
    }

    static JSONB attributes(Map<String, Object> attributes) {
        return JSONB.valueOf(PropertyValues.toJson(PropertyValues.immutableMap(attributes)).toString());
    }

    static JSONB strings(Map<String, String> values) {
        return JSONB.valueOf(JSON.writeValueAsString(new TreeMap<>(values)));
    }

    static JSONB list(List<String> values) {
        return JSONB.valueOf(JSON.writeValueAsString(values));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> attributes(JSONB json) {
        if (json == null) {
            return null;
        }
        return (Map<String, Object>) PropertyValues.fromJson(JSON.readTree(json.data()));
    }

    static Map<String, String> strings(JSONB json) {
        TreeMap<String, String> values = new TreeMap<>();
        JSON.readTree(json.data()).properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asString()));
        return Collections.unmodifiableSortedMap(values);
    }

    static List<String> list(JSONB json) {
        return JSON.readTree(json.data()).valueStream().map(JsonNode::asString).toList();
    }
}
