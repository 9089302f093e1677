package io.dharma.blueprint;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Deep, immutable copies of JSON-like values: {@code String}, {@code Boolean}, {@code Long},
 * {@code Double}, {@code List} and {@code Map<String, ?>} (sorted by key, so iteration order
 * never depends on how a document was written).
 *
 * <p>Numbers are normalised so that equal values compare equal whatever the source format:
 * an integral value that fits a {@code long} becomes a {@code Long}, anything else a
 * {@code Double}.
 */
public final class PropertyValues {

    private PropertyValues() {
    }

    /** An immutable, key-sorted deep copy of {@code properties}. */
    public static Map<String, Object> immutableMap(Map<String, ?> properties) {
        TreeMap<String, Object> copy = new TreeMap<>();
        properties.forEach((key, value) -> copy.put(requireKey(key), immutableValue(value)));
        return Collections.unmodifiableSortedMap(copy);
    }

    /** An immutable deep copy of one value; see the class comment for the accepted types. */
    @SuppressWarnings("unchecked")
    public static Object immutableValue(Object value) {
        return switch (value) {
            case null -> throw new IllegalArgumentException("null is not a property value");
            case String text -> text;
            case Boolean flag -> flag;
            case Number number -> normalizedNumber(number);
            case Map<?, ?> map -> immutableMap((Map<String, ?>) map);
            case List<?> list -> {
                List<Object> copy = new ArrayList<>(list.size());
                list.forEach(item -> copy.add(immutableValue(item)));
                yield Collections.unmodifiableList(copy);
            }
            default -> throw new IllegalArgumentException(
                    "unsupported property value type " + value.getClass().getName());
        };
    }

    /** The JSON-like value of {@code node}; JSON {@code null} is not a property value. */
    public static Object fromJson(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> node.stringValue();
            case BOOLEAN -> node.booleanValue();
            case NUMBER -> normalizedNumber(node.numberValue());
            case OBJECT -> {
                TreeMap<String, Object> map = new TreeMap<>();
                node.properties().forEach(entry -> map.put(entry.getKey(), fromJson(entry.getValue())));
                yield Collections.unmodifiableSortedMap(map);
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.values().forEach(item -> list.add(fromJson(item)));
                yield Collections.unmodifiableList(list);
            }
            default -> throw new IllegalArgumentException("not a property value: " + node.getNodeType());
        };
    }

    /** A new (mutable) JSON tree for a JSON-like value. */
    public static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case String text -> nodes.stringNode(text);
            case Boolean flag -> nodes.booleanNode(flag);
            case Long integer -> nodes.numberNode(integer);
            case Integer integer -> nodes.numberNode(integer.longValue());
            case Double number -> nodes.numberNode(number);
            case BigDecimal decimal -> nodes.numberNode(decimal);
            case Map<?, ?> map -> {
                var object = nodes.objectNode();
                map.forEach((key, item) -> object.set(requireKey(key), toJson(item)));
                yield object;
            }
            case List<?> list -> {
                var array = nodes.arrayNode(list.size());
                list.forEach(item -> array.add(toJson(item)));
                yield array;
            }
            case null, default -> throw new IllegalArgumentException("not a property value: " + value);
        };
    }

    static Number normalizedNumber(Number number) {
        BigDecimal decimal = switch (number) {
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            case BigInteger big -> new BigDecimal(big);
            case BigDecimal big -> big;
            default -> {
                double d = number.doubleValue();
                if (!Double.isFinite(d)) {
                    throw new IllegalArgumentException("not a finite number: " + number);
                }
                yield BigDecimal.valueOf(d);
            }
        };
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException notAnIntegralLong) {
            return decimal.doubleValue();
        }
    }

    private static String requireKey(Object key) {
        if (key instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException("property names must be strings, got " + key);
    }
}
