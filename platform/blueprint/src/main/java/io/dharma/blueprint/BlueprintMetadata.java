package io.dharma.blueprint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who and what a blueprint is: its name (unique per tenant, a DNS label), the environment it
 * serves and the tags every resource carries. Tags are kept sorted by key.
 */
public record BlueprintMetadata(String name, Environment environment, Map<String, String> tags) {

    public BlueprintMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(environment, "environment");
        tags = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(tags, "tags")));
    }
}
