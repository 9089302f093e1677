package io.dharma.blueprint.catalogue;

import io.dharma.blueprint.Cloud;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The regions a blueprint may name, per cloud ({@code catalogue/<version>/regions.json}). */
public final class RegionCatalogue {

    private final Map<Cloud, List<Region>> regions;

    private RegionCatalogue(Map<Cloud, List<Region>> regions) {
        this.regions = regions;
    }

    public static RegionCatalogue v1() {
        return V1Holder.CATALOGUE;
    }

    /** The regions of {@code cloud}, in catalogue order. */
    public List<Region> regions(Cloud cloud) {
        return regions.get(cloud);
    }

    public List<String> regionIds(Cloud cloud) {
        return regions(cloud).stream().map(Region::id).toList();
    }

    public boolean contains(Cloud cloud, String regionId) {
        return regions(cloud).stream().anyMatch(region -> region.id().equals(regionId));
    }

    private static RegionCatalogue load(String version) {
        String path = "catalogue/" + version + "/regions.json";
        JsonNode clouds = CatalogueResources.json(CatalogueResources.text(path)).path("clouds");
        Map<Cloud, List<Region>> regions = new EnumMap<>(Cloud.class);
        for (Cloud cloud : Cloud.values()) {
            List<Region> list = clouds.path(cloud.id()).valueStream()
                    .map(region -> new Region(region.path("id").asString(), region.path("name").asString()))
                    .toList();
            if (list.isEmpty()) {
                throw new IllegalStateException(path + " lists no regions for " + cloud.id());
            }
            regions.put(cloud, list);
        }
        return new RegionCatalogue(regions);
    }

    private static final class V1Holder {
        static final RegionCatalogue CATALOGUE = load(ResourceCatalogue.V1);
    }
}
