package io.dharma.blueprint.catalogue;

import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import io.dharma.blueprint.ResourceSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The provider-neutral resource catalogue: every resource type a blueprint may use, each with
 * the JSON Schema of its properties ({@code catalogue/<version>/<type>.schema.json} on the
 * classpath). The generator, guardrails and cost estimator share it with intake, so all of them
 * agree on what a blueprint means. Immutable and thread-safe; {@link #v1()} is loaded once.
 */
public final class ResourceCatalogue {

    public static final String V1 = "v1";

    private static final String COMMON_SCHEMA = "common.schema.json";

    private final String version;
    private final Map<String, ResourceType> types;

    private ResourceCatalogue(String version, Map<String, ResourceType> types) {
        this.version = version;
        this.types = Collections.unmodifiableMap(types);
    }

    /** Catalogue version 1. */
    public static ResourceCatalogue v1() {
        return V1Holder.CATALOGUE;
    }

    public String version() {
        return version;
    }

    /** Type names in catalogue order (for example {@code network}, {@code subnet}, ...). */
    public List<String> typeNames() {
        return List.copyOf(types.keySet());
    }

    public List<ResourceType> types() {
        return List.copyOf(types.values());
    }

    public Optional<ResourceType> find(String typeName) {
        return Optional.ofNullable(types.get(typeName));
    }

    /** The type called {@code typeName}; throws {@link IllegalArgumentException} if there is none. */
    public ResourceType type(String typeName) {
        return find(typeName).orElseThrow(() -> new IllegalArgumentException(
                "unknown resource type '" + typeName + "'; known: " + String.join(", ", types.keySet())));
    }

    /** The references a (validated) resource makes to other resources, through its properties. */
    public List<ResourceReference> references(ResourceSpec resource) {
        return type(resource.type()).referencesIn(resource.properties());
    }

    /** A (validated) resource's properties with the schema defaults filled in. */
    public Map<String, Object> withDefaults(ResourceSpec resource) {
        return type(resource.type()).withDefaults(resource.properties());
    }

    private static ResourceCatalogue load(String version) {
        String folder = "catalogue/" + version + "/";
        JsonNode index = CatalogueResources.json(CatalogueResources.text(folder + "index.json"));
        List<String> typeNames = index.path("types").valueStream().map(JsonNode::stringValue).toList();

        Map<String, String> schemasById = new LinkedHashMap<>();
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<String> files = new ArrayList<>(typeNames.stream().map(type -> type + ".schema.json").toList());
        files.add(COMMON_SCHEMA);
        for (String file : files) {
            String text = CatalogueResources.text(folder + file);
            JsonNode document = CatalogueResources.json(text);
            schemasById.put(document.path("$id").asString(), text);
            documents.put(file, document);
        }

        SchemaRegistry registry = CatalogueResources.registry(schemasById);
        Map<String, ResourceType> types = new LinkedHashMap<>();
        for (String typeName : typeNames) {
            JsonNode document = documents.get(typeName + ".schema.json");
            if (!typeName.equals(document.path("title").asString(""))) {
                throw new IllegalStateException(folder + typeName + ".schema.json must have title '" + typeName + "'");
            }
            var schema = registry.getSchema(SchemaLocation.of(document.path("$id").asString()));
            schema.initializeValidators();
            types.put(typeName, new ResourceType(typeName, document, schema));
        }
        requireKnownReferenceTargets(types);
        return new ResourceCatalogue(version, types);
    }

    private static void requireKnownReferenceTargets(Map<String, ResourceType> types) {
        for (ResourceType type : types.values()) {
            for (ReferenceProperty reference : type.referenceProperties()) {
                for (String target : reference.targetTypes()) {
                    if (!types.containsKey(target)) {
                        throw new IllegalStateException(type.name() + "." + reference.property()
                                + " references unknown type '" + target + "'");
                    }
                }
            }
        }
    }

    private static final class V1Holder {
        static final ResourceCatalogue CATALOGUE = load(V1);
    }
}
