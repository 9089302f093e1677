package io.dharma.blueprint.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * A top-level property of a resource type whose value names another resource of the same
 * blueprint: a single name ({@code many == false}) or a list of names. Such a reference implies
 * that the referring resource depends on the referenced one. {@code targetTypes} are the types
 * the referenced resource may have.
 */
public record ReferenceProperty(String property, boolean many, List<String> targetTypes) {

    public ReferenceProperty {
        Objects.requireNonNull(property, "property");
        targetTypes = List.copyOf(targetTypes);
    }

    public boolean accepts(String type) {
        return targetTypes.contains(type);
    }
}
