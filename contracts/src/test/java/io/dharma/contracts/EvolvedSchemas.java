package io.dharma.contracts;

import java.util.function.Consumer;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Edited copies of real event schemas, as a producer team would write the next version. */
final class EvolvedSchemas {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EvolvedSchemas() {
    }

    /** The schema with one more top-level field, given as Avro JSON (e.g. with or without a default). */
    static Schema withField(Schema schema, String fieldJson) {
        return edit(schema, root -> ((ArrayNode) root.get("fields")).add(JSON.readTree(fieldJson)));
    }

    /** The schema with the type of a top-level field replaced (e.g. "boolean" by "string"). */
    static Schema withFieldType(Schema schema, String field, String typeJson) {
        return edit(schema, root -> {
            for (JsonNode f : root.get("fields")) {
                if (f.get("name").asString().equals(field)) {
                    ((ObjectNode) f).set("type", JSON.readTree(typeJson));
                    return;
                }
            }
            throw new IllegalArgumentException(schema.getFullName() + " has no field " + field);
        });
    }

    /** The schema with one more branch (e.g. a new event kind) in the union of a top-level field. */
    static Schema withUnionBranch(Schema schema, String field, String branchJson) {
        return edit(schema, root -> {
            for (JsonNode f : root.get("fields")) {
                if (f.get("name").asString().equals(field)) {
                    ((ArrayNode) f.get("type")).add(JSON.readTree(branchJson));
                    return;
                }
            }
            throw new IllegalArgumentException(schema.getFullName() + " has no field " + field);
        });
    }

    /** The schema with one more symbol in the named enum, wherever it is nested. */
    static Schema withEnumSymbol(Schema schema, String enumName, String symbol) {
        return edit(schema, root -> {
            ObjectNode enumType = findNamed(root, "enum", enumName);
            if (enumType == null) {
                throw new IllegalArgumentException(schema.getFullName() + " defines no enum " + enumName);
            }
            ((ArrayNode) enumType.get("symbols")).add(symbol);
        });
    }

    private static Schema edit(Schema schema, Consumer<ObjectNode> change) {
        ObjectNode root = (ObjectNode) JSON.readTree(schema.toString());
        change.accept(root);
        return new Schema.Parser().parse(root.toString());
    }

    private static boolean isString(JsonNode node, String expected) {
        return node != null && node.isString() && node.asString().equals(expected);
    }

    private static ObjectNode findNamed(JsonNode node, String type, String name) {
        if (node.isObject() && isString(node.get("type"), type) && isString(node.get("name"), name)) {
            return (ObjectNode) node;
        }
        for (JsonNode child : node) {
            ObjectNode found = findNamed(child, type, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
