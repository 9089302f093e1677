package io.dharma.costing.catalogue;

import io.dharma.blueprint.Cloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A versioned price catalogue ({@code pricing/<version>.json} on the classpath): list prices per
 * cloud, region and SKU, with the source pages, the as-of date and the currency. Immutable and
 * thread-safe.
 *
 * <p>Prices are read as exact decimals (never through {@code double}) and may have at most
 * {@value #MAX_PRICE_SCALE} decimal places, the scale of a unit price in {@code CostEstimated}.
 */
public final class PriceCatalogue {

    /** The catalogue the services use unless configured otherwise. */
    public static final String CURRENT_VERSION = "2026-11";

    public static final int MAX_PRICE_SCALE = 10;

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String version;
    private final LocalDate asOf;
    private final String currency;
    private final BigDecimal hoursPerMonth;
    private final int bucketStoredGb;
    private final List<String> notIncluded;
    private final Map<Cloud, CloudPricing> clouds;

    private PriceCatalogue(String version, LocalDate asOf, String currency, BigDecimal hoursPerMonth,
            int bucketStoredGb, List<String> notIncluded, Map<Cloud, CloudPricing> clouds) {
        this.version = version;
        this.asOf = asOf;
        this.currency = currency;
        this.hoursPerMonth = hoursPerMonth;
        this.bucketStoredGb = bucketStoredGb;
        this.notIncluded = List.copyOf(notIncluded);
        this.clouds = clouds;
    }

    public static PriceCatalogue current() {
        return CurrentHolder.CATALOGUE;
    }

    /** The catalogue {@code pricing/<version>.json} from the classpath. */
    public static PriceCatalogue load(String version) {
        String path = "pricing/" + version + ".json";
        try (InputStream in = PriceCatalogue.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no price catalogue " + version + " (classpath " + path + ")");
            }
            return parse(JSON.readTree(in), path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public String version() {
        return version;
    }

    public LocalDate asOf() {
        return asOf;
    }

    public String currency() {
        return currency;
    }

    /** Hours in a billing month: monthly = hourly x this. */
    public BigDecimal hoursPerMonth() {
        return hoursPerMonth;
    }

    /** GB a bucket is assumed to store; blueprints do not say. */
    public int bucketStoredGb() {
        return bucketStoredGb;
    }

    /** Cost components the catalogue deliberately leaves out. */
    public List<String> notIncluded() {
        return notIncluded;
    }

    public CloudPricing cloud(Cloud cloud) {
        return clouds.get(cloud);
    }

    public Optional<RegionPrices> region(Cloud cloud, String region) {
        return cloud(cloud).region(region);
    }

    private static PriceCatalogue parse(JsonNode root, String path) {
        String currency = text(root, "currency", path);
        if (!"USD".equals(currency)) {
            throw new IllegalStateException(path + ": only USD catalogues are supported, got " + currency);
        }
        Map<Cloud, CloudPricing> clouds = new EnumMap<>(Cloud.class);
        for (Cloud cloud : Cloud.values()) {
            JsonNode node = root.path("clouds").path(cloud.id());
            if (node.isMissingNode()) {
                throw new IllegalStateException(path + " has no prices for " + cloud.id());
            }
            clouds.put(cloud, cloudPricing(cloud, node, path + " clouds." + cloud.id()));
        }
        List<String> notIncluded = new ArrayList<>();
        root.path("assumptions").path("notIncluded").values().forEach(item -> notIncluded.add(item.asString()));
        return new PriceCatalogue(
                text(root, "version", path),
                LocalDate.parse(text(root, "asOf", path)),
                currency,
                decimal(root.path("hoursPerMonth"), path + " hoursPerMonth"),
                root.path("assumptions").path("bucketStoredGb").asInt(),
                notIncluded,
                Map.copyOf(clouds));
    }

    private static CloudPricing cloudPricing(Cloud cloud, JsonNode node, String at) {
        JsonNode rules = node.path("rules");
        Map<String, List<DiskTier>> diskTiers = new LinkedHashMap<>();
        rules.path("diskTiers").properties().forEach(type -> diskTiers.put(type.getKey(),
                type.getValue().valueStream()
                        .map(tier -> new DiskTier(tier.path("sku").asString(), tier.path("maxGb").asInt()))
                        .toList()));
        Map<String, LoadBalancerOffer> loadBalancers = new LinkedHashMap<>();
        rules.path("loadBalancers").properties().forEach(type -> {
            JsonNode offer = type.getValue();
            loadBalancers.put(type.getKey(), new LoadBalancerOffer(
                    offer.path("sku").asString(),
                    offer.path("includedRules").asInt(),
                    Optional.ofNullable(offer.path("extraRuleSku").asString(null))));
        });
        JsonNode cache = rules.path("cache");
        Map<String, RegionPrices> regions = new LinkedHashMap<>();
        node.path("regions").properties().forEach(region ->
                regions.put(region.getKey(), regionPrices(region.getKey(), region.getValue(), at + ".regions." + region.getKey())));
        return new CloudPricing(
                cloud,
                node.path("sources").valueStream().map(JsonNode::asString).toList(),
                strings(rules.path("diskSkus")),
                diskTiers,
                rules.path("publicIpSku").asString(),
                rules.path("databaseStorageSku").asString(),
                rules.path("databaseStorageSizesGb").valueStream().map(JsonNode::asInt).toList(),
                rules.path("kubernetesControlPlaneSku").asString(),
                new NodeDisk(rules.path("kubernetesNodeDisk").path("type").asString(),
                        rules.path("kubernetesNodeDisk").path("sizeGb").asInt()),
                loadBalancers,
                PublicLoadBalancerIps.fromId(rules.path("publicLoadBalancerIps").asString()),
                rules.path("bucketSku").asString(),
                new CacheRules(strings(cache.path("replicaTiers")),
                        cache.path("includedReplicas").asInt(), cache.path("maxReplicas").asInt()),
                strings(rules.path("free")),
                regions);
    }

    private static RegionPrices regionPrices(String region, JsonNode node, String at) {
        Map<PriceTable, Map<String, BigDecimal>> tables = new EnumMap<>(PriceTable.class);
        for (PriceTable table : PriceTable.values()) {
            Map<String, BigDecimal> prices = new LinkedHashMap<>();
            node.path(table.key()).properties().forEach(price ->
                    prices.put(price.getKey(), decimal(price.getValue(), at + "." + table.key() + "." + price.getKey())));
            tables.put(table, Map.copyOf(prices));
        }
        return new RegionPrices(region, node.path("provenance").asString(""), tables);
    }

    private static BigDecimal decimal(JsonNode node, String at) {
        if (!node.isNumber()) {
            throw new IllegalStateException(at + " must be a number");
        }
        BigDecimal value = node.decimalValue();
        if (value.signum() < 0) {
            throw new IllegalStateException(at + " must not be negative: " + value);
        }
        if (value.stripTrailingZeros().scale() > MAX_PRICE_SCALE) {
            throw new IllegalStateException(at + " has more than " + MAX_PRICE_SCALE + " decimals: " + value);
        }
        return value;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asString()));
        return map;
    }

    private static String text(JsonNode node, String field, String at) {
        String value = node.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(at + " needs " + field);
        }
        return value;
    }

    private static final class CurrentHolder {
        static final PriceCatalogue CATALOGUE = load(CURRENT_VERSION);
    }
}
