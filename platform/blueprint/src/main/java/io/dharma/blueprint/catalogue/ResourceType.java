package io.dharma.blueprint.catalogue;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.walk.ApplyDefaultsStrategy;
import io.dharma.blueprint.PropertyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

/**
 * One type of the resource catalogue (for example {@code database.postgres}): the JSON Schema of
 * its properties, which of them reference other resources, and the defaults the schema declares.
 * Instances are immutable and thread-safe.
 */
public final class ResourceType {

    /** Schema keyword that marks a property as a reference; its value lists the allowed target types. */
    static final String REFERENCE_KEYWORD = "x-dharma-reference";

    private static final ApplyDefaultsStrategy PROPERTY_DEFAULTS = new ApplyDefaultsStrategy(true, false, false);

    private final String name;
    private final JsonNode schemaDocument;
    private final Schema schema;
    private final List<ReferenceProperty> references;

    ResourceType(String name, JsonNode schemaDocument, Schema schema) {
        this.name = Objects.requireNonNull(name);
        this.schemaDocument = schemaDocument.deepCopy();
        this.schema = schema;
        this.references = List.copyOf(findReferences(schemaDocument));
    }

    public String name() {
        return name;
    }

    public String description() {
        return schemaDocument.path("description").asString("");
    }

    /** A copy of the JSON Schema (draft 2020-12) of this type's properties. */
    public JsonNode schema() {
        return schemaDocument.deepCopy();
    }

    /** The properties whose values name other resources, in schema order. */
    public List<ReferenceProperty> referenceProperties() {
        return references;
    }

    /**
     * Checks {@code properties} against this type's schema and returns every error, in the
     * validator's order; an empty list means the properties are valid.
     */
    public List<PropertyViolation> validate(JsonNode properties) {
        return schema.validate(properties).stream()
                .filter(error -> !insideCombinatorBranch(error))
                .map(this::violation)
                .toList();
    }

    /**
     * The references in {@code properties} (a properties object as submitted, valid or not):
     * every string value of a reference property. Values of the wrong shape are skipped; schema
     * validation reports them.
     */
    public List<ResourceReference> referencesIn(JsonNode properties) {
        List<ResourceReference> found = new ArrayList<>();
        for (ReferenceProperty property : references) {
            JsonNode value = properties.path(property.property());
            JsonPointer pointer = JsonPointer.empty().appendProperty(property.property());
            if (!property.many() && value.isString()) {
                found.add(new ResourceReference(property, pointer.toString(), value.stringValue()));
            } else if (property.many() && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isString()) {
                        found.add(new ResourceReference(
                                property, pointer.appendIndex(i).toString(), value.get(i).stringValue()));
                    }
                }
            }
        }
        return found;
    }

    /** The references in a resource's (validated) properties. */
    public List<ResourceReference> referencesIn(Map<String, Object> properties) {
        return referencesIn(PropertyValues.toJson(properties));
    }

    /**
     * {@code properties} with every default the schema declares filled in, at the top level and
     * inside objects that are present (or that have a default themselves). The result is an
     * immutable, key-sorted map; the argument is not changed. Meant for valid properties.
     */
    public Map<String, Object> withDefaults(Map<String, Object> properties) {
        JsonNode tree = PropertyValues.toJson(properties);
        schema.walk(tree, false, context -> context.walkConfig(walk -> walk.applyDefaultsStrategy(PROPERTY_DEFAULTS)));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) PropertyValues.fromJson(tree);
        return result;
    }

    /**
     * A failed {@code oneOf}/{@code anyOf} is reported once, with the message its schema gives;
     * the errors of its individual branches ("required property 'ports' not found" for one branch,
     * "'portRange'" for the other) would only confuse.
     */
    private static boolean insideCombinatorBranch(Error error) {
        String path = error.getEvaluationPath().toString();
        return path.contains("/oneOf/") || path.contains("/anyOf/");
    }

    private PropertyViolation violation(Error error) {
        JsonPointer at = JsonPointer.compile(error.getInstanceLocation().toString());
        String keyword = error.getKeyword();
        return switch (keyword) {
            case "required" -> new PropertyViolation(
                    at.appendProperty(error.getProperty()).toString(), keyword, "is required");
            case "additionalProperties" -> new PropertyViolation(
                    at.appendProperty(error.getProperty()).toString(), keyword, unknownPropertyMessage(error));
            default -> new PropertyViolation(at.toString(), keyword, error.getMessage());
        };
    }

    /** Names the properties that are allowed where an unknown one was found (a typo is the usual cause). */
    private String unknownPropertyMessage(Error error) {
        String fragment = error.getSchemaLocation().getFragment().toString();
        JsonNode allowed = fragment.endsWith("/additionalProperties")
                ? schemaDocument.at(fragment.substring(0, fragment.length() - "/additionalProperties".length()) + "/properties")
                : tools.jackson.databind.node.MissingNode.getInstance();
        String names = String.join(", ", allowed.propertyNames());
        return "is not a property of " + name + (names.isEmpty() ? "" : "; allowed here: " + names);
    }

    private static List<ReferenceProperty> findReferences(JsonNode schemaDocument) {
        List<ReferenceProperty> found = new ArrayList<>();
        for (Map.Entry<String, JsonNode> property : schemaDocument.path("properties").properties()) {
            JsonNode marker = property.getValue().get(REFERENCE_KEYWORD);
            if (marker != null) {
                boolean many = "array".equals(property.getValue().path("type").asString(""));
                List<String> targets = marker.valueStream().map(JsonNode::stringValue).toList();
                found.add(new ReferenceProperty(property.getKey(), many, targets));
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return name;
    }
}
