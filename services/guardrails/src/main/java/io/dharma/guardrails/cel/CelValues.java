package io.dharma.guardrails.cel;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shapes JSON-like property values to the CEL types declared for them. Property values keep
 * whole numbers as {@code Long} even where the schema says {@code number}; CEL dispatches on the
 * runtime type, so such a value must become a {@code Double} before it meets a declared
 * {@code double}. Everything else passes through unchanged.
 */
final class CelValues {

    private CelValues() {
    }

    static Object adapt(Object value, CelType type) {
        if (type == SimpleType.DOUBLE && value instanceof Long whole) {
            return whole.doubleValue();
        }
        if (type instanceof ListType listType && value instanceof List<?> list) {
            return list.stream().map(item -> adapt(item, listType.elemType())).toList();
        }
        if (type instanceof MapType mapType && value instanceof Map<?, ?> map) {
            Map<Object, Object> adapted = new LinkedHashMap<>();
            map.forEach((key, item) -> adapted.put(key, adapt(item, mapType.valueType())));
            return adapted;
        }
        if (type instanceof StructType structType && value instanceof Map<?, ?> map) {
            Map<Object, Object> adapted = new LinkedHashMap<>();
            map.forEach((key, item) -> adapted.put(key, structType.findField(key.toString())
                    .map(field -> adapt(item, field.type()))
                    .orElse(item)));
            return adapted;
        }
        return value;
    }
}
