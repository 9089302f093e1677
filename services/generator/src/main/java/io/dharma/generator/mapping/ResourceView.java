package io.dharma.generator.mapping;

import io.dharma.blueprint.ResourceSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One blueprint resource as the mappings see it: its name, type, Terraform identifier and its
 * properties with the catalogue's defaults filled in. Properties were validated against the
 * type's schema, so the typed getters only fail on a catalogue/generator mismatch.
 */
public record ResourceView(ResourceSpec spec, Map<String, Object> properties) {

    public String name() {
        return spec.name();
    }

    public String type() {
        return spec.type();
    }

    /** The Terraform name of the resource's main block: the resource name with '-' replaced by '_'. */
    public String id() {
        return Names.identifier(spec.name());
    }

    /** The Terraform name for a block derived from this resource, for example {@code web_nic}. */
    public String id(String suffix) {
        return id() + "_" + suffix;
    }

    public List<String> dependsOn() {
        return spec.dependsOn();
    }

    public boolean has(String property) {
        return properties.containsKey(property);
    }

    public String string(String property) {
        return (String) require(property);
    }

    public Optional<String> optionalString(String property) {
        return Optional.ofNullable((String) properties.get(property));
    }

    public long integer(String property) {
        return ((Number) require(property)).longValue();
    }

    public boolean bool(String property) {
        return (Boolean) require(property);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String property) {
        Object value = properties.get(property);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String property) {
        Object value = properties.get(property);
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    public List<String> strings(String property) {
        return (List<String>) (List<?>) list(property);
    }

    private Object require(String property) {
        Object value = properties.get(property);
        if (value == null) {
            throw new IllegalStateException(type() + " '" + name() + "' has no property '" + property
                    + "' although the catalogue requires or defaults it");
        }
        return value;
    }
}
