package io.dharma.costing.pricing;

import java.util.List;
import java.util.Map;

/** Typed reads of validated, defaulted resource properties (JSON-like values). */
final class Properties {

    private Properties() {
    }

    static String text(Map<String, Object> properties, String name) {
        return (String) required(properties, name);
    }

    static int integer(Map<String, Object> properties, String name) {
        return Math.toIntExact(((Number) required(properties, name)).longValue());
    }

    static boolean flag(Map<String, Object> properties, String name) {
        return (Boolean) required(properties, name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> properties, String name) {
        return (Map<String, Object>) required(properties, name);
    }

    static List<?> list(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        return value == null ? List.of() : (List<?>) value;
    }

    private static Object required(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (value == null) {
            throw new IllegalArgumentException("property '" + name + "' is missing (the catalogue gives it a default)");
        }
        return value;
    }
}
