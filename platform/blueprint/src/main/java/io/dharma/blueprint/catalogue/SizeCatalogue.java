package io.dharma.blueprint.catalogue;

import io.dharma.blueprint.Cloud;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Neutral sizes (small, medium, large, xlarge) mapped to each provider's instance type or SKU,
 * from {@code catalogue/v1/sizes.json}. The Terraform generator writes these names and the cost
 * estimator prices them: both read this one table, so they never disagree.
 */
public final class SizeCatalogue {

    public static final List<String> SIZES = List.of("small", "medium", "large", "xlarge");

    /** A provider's name for one neutral size in one family. */
    public record ProviderSize(String family, String size, Cloud cloud, String sku) {
    }

    private final String version;
    private final Map<String, JsonNode> families;
    private final Map<String, String> familyByResourceType;

    private SizeCatalogue(String version, Map<String, JsonNode> families, Map<String, String> familyByResourceType) {
        this.version = version;
        this.families = families;
        this.familyByResourceType = familyByResourceType;
    }

    public static SizeCatalogue v1() {
        return V1Holder.CATALOGUE;
    }

    public String version() {
        return version;
    }

    /** The size family ("compute", "database", "cache") whose sizes a resource type uses, if any. */
    public Optional<String> familyOf(String resourceType) {
        return Optional.ofNullable(familyByResourceType.get(resourceType));
    }

    /** The provider's SKU for a neutral size of a resource type, e.g. compute.instance/medium on aws = t3.medium. */
    public ProviderSize sizeFor(String resourceType, String size, Cloud cloud) {
        String family = familyOf(resourceType).orElseThrow(() ->
                new IllegalArgumentException("resource type '" + resourceType + "' has no sizes"));
        JsonNode entry = families.get(family).path("sizes").path(size);
        if (entry.isMissingNode()) {
            throw new IllegalArgumentException("unknown size '" + size + "'; known: " + String.join(", ", SIZES));
        }
        return new ProviderSize(family, size, cloud, entry.path(cloud.id()).asString());
    }

    private static SizeCatalogue load(String version) {
        JsonNode root = CatalogueResources.json(CatalogueResources.text("catalogue/" + version + "/sizes.json"));
        Map<String, JsonNode> families = new LinkedHashMap<>();
        Map<String, String> byType = new LinkedHashMap<>();
        root.path("families").properties().forEach(family -> {
            families.put(family.getKey(), family.getValue());
            family.getValue().path("appliesTo").values().forEach(type -> byType.put(type.asString(), family.getKey()));
        });
        return new SizeCatalogue(version, Map.copyOf(families), Map.copyOf(byType));
    }

    private static final class V1Holder {
        private static final SizeCatalogue CATALOGUE = load(ResourceCatalogue.V1);
    }
}
