package io.dharma.blueprint.validation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what snakeyaml-engine loaded (maps, lists, scalars; an aliased collection appears as the
 * same Java object several times, possibly containing itself) into a JSON tree, counting every
 * value it creates so alias expansion cannot outgrow the limits, and refusing what JSON cannot
 * represent. One instance converts one document.
 */
final class YamlTreeConverter {

    private final BlueprintLimits limits;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private int values;

    YamlTreeConverter(BlueprintLimits limits) {
        this.limits = limits;
    }

    JsonNode convert(Object value) throws UnreadableDocumentException {
        return convert(value, 1);
    }

    private JsonNode convert(Object value, int depth) throws UnreadableDocumentException {
        if (++values > limits.maxValues()) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_TOO_LARGE,
                    "the document expands to more than " + limits.maxValues() + " values (YAML aliases count each time they are used)");
        }
        return switch (value) {
            case null -> nodes.nullNode();
            case String text -> nodes.stringNode(text);
            case Boolean flag -> nodes.booleanNode(flag);
            case Integer number -> nodes.numberNode(number);
            case Long number -> nodes.numberNode(number);
            case BigInteger number -> nodes.numberNode(number);
            case Double number -> finite(number);
            case Map<?, ?> map -> object(map, depth);
            case List<?> list -> array(list, depth);
            default -> throw unparseable("values of type " + value.getClass().getSimpleName() + " are not supported");
        };
    }

    private ObjectNode object(Map<?, ?> map, int depth) throws UnreadableDocumentException {
        checkDepth(depth);
        ObjectNode object = nodes.objectNode();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = key(entry.getKey());
            if (object.has(key)) {
                throw unparseable("duplicate key '" + key + "'");
            }
            object.set(key, convert(entry.getValue(), depth + 1));
        }
        return object;
    }

    private ArrayNode array(List<?> list, int depth) throws UnreadableDocumentException {
        checkDepth(depth);
        ArrayNode array = nodes.arrayNode(list.size());
        for (Object item : list) {
            array.add(convert(item, depth + 1));
        }
        return array;
    }

    /** Aliases can nest a collection inside itself or repeat deep structures; the event-level check cannot see that. */
    private void checkDepth(int depth) throws UnreadableDocumentException {
        if (depth > limits.maxDepth()) {
            throw new UnreadableDocumentException(ProblemCode.DOCUMENT_TOO_DEEP,
                    "mappings and lists are nested more than " + limits.maxDepth() + " levels deep once YAML aliases are expanded");
        }
    }

    private JsonNode finite(Double number) throws UnreadableDocumentException {
        if (!Double.isFinite(number)) {
            throw unparseable(number + " is not a number JSON can represent");
        }
        return nodes.numberNode(number);
    }

    private static String key(Object key) throws UnreadableDocumentException {
        return switch (key) {
            case String text -> text;
            case Number number -> number.toString();
            case Boolean flag -> flag.toString();
            case null -> throw unparseable("a mapping key is null");
            default -> throw unparseable("mapping keys must be scalars");
        };
    }

    private static UnreadableDocumentException unparseable(String message) {
        return new UnreadableDocumentException(ProblemCode.DOCUMENT_UNPARSEABLE, "not valid YAML for a blueprint: " + message);
    }
}
