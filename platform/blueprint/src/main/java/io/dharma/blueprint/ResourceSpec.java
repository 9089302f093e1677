package io.dharma.blueprint;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource of a blueprint as submitted: its name (unique within the blueprint), its
 * catalogue type (for example {@code compute.instance}), its properties exactly as written
 * (defaults are not filled in; see {@code ResourceCatalogue#withDefaults}) and the names of the
 * resources it explicitly depends on.
 *
 * <p>Properties are an immutable, key-sorted tree of JSON-like values (see {@link PropertyValues}).
 */
public record ResourceSpec(String name, String type, Map<String, Object> properties, List<String> dependsOn) {

    public ResourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        properties = PropertyValues.immutableMap(Objects.requireNonNull(properties, "properties"));
        dependsOn = List.copyOf(Objects.requireNonNull(dependsOn, "dependsOn"));
    }
}
