package io.dharma.costing.catalogue;

import io.dharma.blueprint.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * For a region of one cloud, the equivalent region on another cloud, in which the cross-cloud
 * comparison prices a blueprint ({@code pricing/region-equivalents.json}: the nearest region in
 * the same jurisdiction).
 */
public final class RegionEquivalents {

    private static final String PATH = "pricing/region-equivalents.json";

    private final Map<Cloud, Map<String, Map<Cloud, String>>> equivalents;

    private RegionEquivalents(Map<Cloud, Map<String, Map<Cloud, String>>> equivalents) {
        this.equivalents = equivalents;
    }

    public static RegionEquivalents standard() {
        return Holder.EQUIVALENTS;
    }

    /** The region of {@code target} equivalent to {@code region} of {@code source}, if the table has one. */
    public Optional<String> equivalent(Cloud source, String region, Cloud target) {
        if (source == target) {
            return Optional.of(region);
        }
        return Optional.ofNullable(equivalents.getOrDefault(source, Map.of()).getOrDefault(region, Map.of()).get(target));
    }

    /** The regions of {@code source} the table maps. */
    public Set<String> regions(Cloud source) {
        return equivalents.getOrDefault(source, Map.of()).keySet();
    }

    private static RegionEquivalents load() {
        JsonNode root;
        try (InputStream in = RegionEquivalents.class.getClassLoader().getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + PATH);
            }
            root = JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PATH, e);
        }
        Map<Cloud, Map<String, Map<Cloud, String>>> equivalents = new EnumMap<>(Cloud.class);
        root.path("regions").properties().forEach(source -> {
            Cloud sourceCloud = cloud(source.getKey());
            Map<String, Map<Cloud, String>> byRegion = new HashMap<>();
            source.getValue().properties().forEach(region -> {
                Map<Cloud, String> targets = new EnumMap<>(Cloud.class);
                region.getValue().properties().forEach(target -> targets.put(cloud(target.getKey()), target.getValue().asString()));
                byRegion.put(region.getKey(), Map.copyOf(targets));
            });
            equivalents.put(sourceCloud, Map.copyOf(byRegion));
        });
        return new RegionEquivalents(Map.copyOf(equivalents));
    }

    private static Cloud cloud(String id) {
        return Cloud.fromId(id).orElseThrow(() -> new IllegalStateException(PATH + ": unknown cloud '" + id + "'"));
    }

    private static final class Holder {
        static final RegionEquivalents EQUIVALENTS = load();
    }
}
