package io.dharma.blueprint.catalogue;

import java.util.Objects;

/**
 * One reference found in a resource's properties: {@code target} is the referenced resource's
 * name, {@code pointer} the JSON Pointer of the value relative to the resource's properties
 * (for example {@code /network} or {@code /targets/1}).
 */
public record ResourceReference(ReferenceProperty property, String pointer, String target) {

    public ResourceReference {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(target, "target");
    }
}
