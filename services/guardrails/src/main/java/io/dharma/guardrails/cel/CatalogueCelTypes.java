package io.dharma.guardrails.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.dharma.blueprint.catalogue.CatalogueResources;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.ResourceType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * CEL types derived from the resource catalogue's JSON Schemas, so that the CEL type checker
 * knows every property of every resource type: a policy that names a property the schema does not
 * define fails to compile ({@code undefined field 'encryptd'}) instead of failing, or silently
 * passing, at evaluation time.
 *
 * <p>Mapping: an object with {@code properties} becomes a CEL struct type (named after the
 * resource type and the property path, for example {@code dharma.resource.compute_instance.properties.disk});
 * an object without them {@code map(string, dyn)}; {@code array} a list of its items' type;
 * {@code string}, {@code integer}, {@code number}, {@code boolean} and string or integer
 * {@code enum}s the matching CEL primitive; anything else {@code dyn}. {@code $ref}s are followed
 * within the catalogue folder. At run time the values stay plain Java maps and lists: CEL selects
 * struct fields on a {@code Map} by key, so {@code has()} and field access behave as declared.
 */
public final class CatalogueCelTypes implements CelTypeProvider {

    static final String RESOURCE_PREFIX = "dharma.resource.";

    private static final int MAX_SCHEMA_DEPTH = 16;

    private final Map<String, CelType> typesByName = new LinkedHashMap<>();
    private final Map<String, StructType> resourceTypes = new LinkedHashMap<>();
    private final Map<String, CelType> propertiesTypes = new LinkedHashMap<>();
    private final Map<String, JsonNode> schemaFiles = new LinkedHashMap<>();
    private final String folder;

    private CatalogueCelTypes(ResourceCatalogue catalogue) {
        this.folder = "catalogue/" + catalogue.version() + "/";
        for (ResourceType type : catalogue.types()) {
            String base = RESOURCE_PREFIX + type.name().replace('.', '_');
            JsonNode schema = type.schema();
            schemaFiles.put(type.name() + ".schema.json", schema);
            CelType properties = typeOf(schema, type.name() + ".schema.json", base + ".properties", 0);
            propertiesTypes.put(type.name(), properties);
            StructType resource = struct(base, ImmutableMap.of(
                    "name", SimpleType.STRING,
                    "type", SimpleType.STRING,
                    "properties", properties,
                    "dependsOn", ListType.create(SimpleType.STRING)));
            resourceTypes.put(type.name(), resource);
        }
    }

    public static CatalogueCelTypes of(ResourceCatalogue catalogue) {
        return new CatalogueCelTypes(catalogue);
    }

    /** The CEL type of the {@code resource} variable for one catalogue type. */
    public StructType resourceType(String catalogueType) {
        StructType type = resourceTypes.get(catalogueType);
        if (type == null) {
            throw new IllegalArgumentException("unknown resource type '" + catalogueType + "'");
        }
        return type;
    }

    /** The CEL type of {@code resource.properties} for one catalogue type. */
    public CelType propertiesType(String catalogueType) {
        resourceType(catalogueType);
        return propertiesTypes.get(catalogueType);
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return ImmutableList.copyOf(typesByName.values());
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(typesByName.get(typeName));
    }

    private StructType struct(String name, Map<String, CelType> fields) {
        StructType type = StructTypes.of(name, fields);
        typesByName.put(name, type);
        return type;
    }

    private CelType typeOf(JsonNode schema, String file, String name, int depth) {
        if (depth > MAX_SCHEMA_DEPTH) {
            throw new IllegalStateException("catalogue schema nests deeper than " + MAX_SCHEMA_DEPTH + " at " + name);
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            String refFile = ref.startsWith("#") ? file : ref.substring(0, ref.indexOf('#'));
            String pointer = ref.substring(ref.indexOf('#') + 1);
            // a named definition gets its own type name, shared by every use (ingress and egress rules)
            String refName = pointer.startsWith("/$defs/")
                    ? typeNamePrefix(name) + "." + pointer.substring("/$defs/".length())
                    : name;
            return typeOf(schemaFile(refFile).at(pointer), refFile, refName, depth + 1);
        }
        if (schema.has("enum")) {
            return enumType(schema.get("enum"));
        }
        return switch (schema.path("type").asString("")) {
            case "string" -> SimpleType.STRING;
            case "integer" -> SimpleType.INT;
            case "number" -> SimpleType.DOUBLE;
            case "boolean" -> SimpleType.BOOL;
            case "array" -> ListType.create(schema.has("items")
                    ? typeOf(schema.get("items"), file, name, depth + 1)
                    : SimpleType.DYN);
            case "object" -> schema.has("properties")
                    ? objectType(schema, file, name, depth)
                    : MapType.create(SimpleType.STRING, SimpleType.DYN);
            default -> SimpleType.DYN;
        };
    }

    private CelType objectType(JsonNode schema, String file, String name, int depth) {
        CelType known = typesByName.get(name);
        if (known != null) {
            return known;
        }
        Map<String, CelType> fields = new LinkedHashMap<>();
        schema.get("properties").properties().forEach(property -> fields.put(property.getKey(),
                typeOf(property.getValue(), file, name + "." + property.getKey(), depth + 1)));
        return struct(name, fields);
    }

    private static CelType enumType(JsonNode values) {
        boolean allStrings = values.valueStream().allMatch(JsonNode::isString);
        boolean allIntegers = values.valueStream().allMatch(JsonNode::isIntegralNumber);
        return allStrings ? SimpleType.STRING : allIntegers ? SimpleType.INT : SimpleType.DYN;
    }

    /** {@code dharma.resource.firewall.properties.ingress} -> {@code dharma.resource.firewall}. */
    private static String typeNamePrefix(String name) {
        String rest = name.substring(RESOURCE_PREFIX.length());
        int dot = rest.indexOf('.');
        return RESOURCE_PREFIX + (dot < 0 ? rest : rest.substring(0, dot));
    }

    private JsonNode schemaFile(String file) {
        return schemaFiles.computeIfAbsent(file,
                name -> CatalogueResources.json(CatalogueResources.text(folder + name)));
    }
}
