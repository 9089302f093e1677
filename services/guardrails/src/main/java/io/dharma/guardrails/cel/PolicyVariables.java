package io.dharma.guardrails.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableMap;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.guardrails.policy.PolicyParameters;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The variables a policy expression sees, their CEL types and their values:
 *
 * <ul>
 *   <li>{@code resource} (resource-level policies): {@code name}, {@code type}, {@code dependsOn}
 *       and {@code properties} with the catalogue's defaults filled in, typed per resource type
 *       ({@link CatalogueCelTypes});
 *   <li>{@code blueprint}: {@code name}, {@code environment}, {@code cloud}, {@code region},
 *       {@code approval} (document spellings: "prod", "aws", ...), {@code tags} and, when set,
 *       {@code budget.monthlyUsd} (test with {@code has(blueprint.budget)});
 *   <li>{@code params}: the platform's {@link PolicyParameters};
 *   <li>{@code now}: the evaluation time (the submission time of the evaluated version, so a
 *       replay reaches the same verdict).
 * </ul>
 */
public final class PolicyVariables implements CelTypeProvider {

    public static final String RESOURCE = "resource";
    public static final String BLUEPRINT = "blueprint";
    public static final String PARAMS = "params";
    public static final String NOW = "now";

    static final StructType BUDGET_TYPE = StructTypes.of("dharma.Budget", Map.of("monthlyUsd", SimpleType.DOUBLE));

    static final StructType BLUEPRINT_TYPE = StructTypes.of("dharma.Blueprint", Map.of(
            "name", SimpleType.STRING,
            "environment", SimpleType.STRING,
            "cloud", SimpleType.STRING,
            "region", SimpleType.STRING,
            "approval", SimpleType.STRING,
            "tags", MapType.create(SimpleType.STRING, SimpleType.STRING),
            "budget", BUDGET_TYPE));

    static final StructType PARAMS_TYPE = StructTypes.of("dharma.Params", Map.of(
            "requiredTags", ListType.create(SimpleType.STRING),
            "restrictedIngressPorts", ListType.create(SimpleType.INT),
            "allowedRegions", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)),
            "maxSize", MapType.create(SimpleType.STRING, SimpleType.STRING),
            "sizeRank", MapType.create(SimpleType.STRING, SimpleType.INT),
            "kubernetesEndOfLife", MapType.create(SimpleType.STRING, SimpleType.TIMESTAMP),
            "kubernetesOldestTracked", SimpleType.STRING,
            "kubernetesEndOfLifeWarning", SimpleType.DURATION));

    private final ResourceCatalogue catalogue;
    private final CatalogueCelTypes catalogueTypes;
    private final ImmutableMap<String, CelType> typesByName;

    public PolicyVariables(ResourceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.catalogueTypes = CatalogueCelTypes.of(catalogue);
        Map<String, CelType> types = new LinkedHashMap<>();
        catalogueTypes.types().forEach(type -> types.put(type.name(), type));
        List.of(BUDGET_TYPE, BLUEPRINT_TYPE, PARAMS_TYPE).forEach(type -> types.put(type.name(), type));
        this.typesByName = ImmutableMap.copyOf(types);
    }

    public ResourceCatalogue catalogue() {
        return catalogue;
    }

    StructType resourceType(String catalogueType) {
        return catalogueTypes.resourceType(catalogueType);
    }

    /** The value of {@code resource} for one resource of a blueprint. */
    public Map<String, Object> resource(ResourceSpec resource) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", resource.name());
        value.put("type", resource.type());
        value.put("properties", CelValues.adapt(catalogue.withDefaults(resource), catalogueTypes.propertiesType(resource.type())));
        value.put("dependsOn", resource.dependsOn());
        return value;
    }

    /** The value of {@code blueprint}. */
    public static Map<String, Object> blueprint(Blueprint blueprint) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", blueprint.name());
        value.put("environment", blueprint.metadata().environment().id());
        value.put("cloud", blueprint.spec().cloud().id());
        value.put("region", blueprint.spec().region());
        value.put("approval", blueprint.spec().approval().id());
        value.put("tags", blueprint.metadata().tags());
        blueprint.spec().budget().ifPresent(budget ->
                value.put("budget", Map.of("monthlyUsd", budget.monthlyUsd().doubleValue())));
        return value;
    }

    /** The value of {@code params}. */
    public static Map<String, Object> params(PolicyParameters parameters) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("requiredTags", parameters.requiredTags());
        value.put("restrictedIngressPorts", parameters.restrictedIngressPorts().stream().map(Integer::longValue).toList());
        value.put("allowedRegions", parameters.allowedRegions());
        value.put("maxSize", parameters.maxSize());
        Map<String, Long> sizeRank = new LinkedHashMap<>();
        for (int rank = 0; rank < SizeCatalogue.SIZES.size(); rank++) {
            sizeRank.put(SizeCatalogue.SIZES.get(rank), (long) rank);
        }
        value.put("sizeRank", sizeRank);
        Map<String, Object> endOfLife = new LinkedHashMap<>();
        parameters.kubernetesEndOfLife().forEach((version, day) ->
                endOfLife.put(version, day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        value.put("kubernetesEndOfLife", endOfLife);
        value.put("kubernetesOldestTracked", parameters.oldestTrackedKubernetesVersion());
        value.put("kubernetesEndOfLifeWarning", parameters.kubernetesEndOfLifeWarning());
        return value;
    }

    @Override
    public ImmutableCollection<CelType> types() {
        return typesByName.values();
    }

    @Override
    public Optional<CelType> findType(String typeName) {
        return Optional.ofNullable(typesByName.get(typeName));
    }
}
