package io.dharma.costing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.catalogue.RegionCatalogue;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.costing.catalogue.CloudPricing;
import io.dharma.costing.catalogue.DiskTier;
import io.dharma.costing.catalogue.LoadBalancerOffer;
import io.dharma.costing.catalogue.PriceCatalogue;
import io.dharma.costing.catalogue.PriceTable;
import io.dharma.costing.catalogue.RegionEquivalents;
import io.dharma.costing.catalogue.RegionPrices;
import io.dharma.costing.pricing.BlueprintPricer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The price catalogue covers what the platform can ask it: every SKU of the shared size table and
 * every SKU the pricing rules name, in every region the catalogue lists, for every catalogue type;
 * and the region table maps every region a blueprint may name.
 */
class CatalogueIntegrityTest {

    private static final Map<String, PriceTable> TABLE_OF_SIZE_FAMILY_TYPE = Map.of(
            "compute.instance", PriceTable.COMPUTE,
            "kubernetes.cluster", PriceTable.COMPUTE,
            "database.postgres", PriceTable.POSTGRES,
            "database.mysql", PriceTable.MYSQL,
            "cache.redis", PriceTable.CACHE);

    private final PriceCatalogue catalogue = PriceCatalogue.current();
    private final SizeCatalogue sizes = SizeCatalogue.v1();
    private final ResourceCatalogue resources = ResourceCatalogue.v1();
    private final RegionCatalogue regions = RegionCatalogue.v1();
    private final RegionEquivalents equivalents = RegionEquivalents.standard();

    @Test
    void everySizedTypeHasAPriceTableAndEveryOtherTypeAPricingRule() {
        assertThat(new BlueprintPricer(resources).pricedTypes()).containsExactlyInAnyOrderElementsOf(resources.typeNames());
        List<String> sized = resources.typeNames().stream().filter(type -> sizes.familyOf(type).isPresent()).toList();
        assertThat(TABLE_OF_SIZE_FAMILY_TYPE.keySet()).containsExactlyInAnyOrderElementsOf(sized);
    }

    @Test
    void everySkuOfTheSizeTableHasAPriceInEveryListedRegion() {
        List<String> missing = new ArrayList<>();
        for (Cloud cloud : Cloud.values()) {
            for (RegionPrices region : catalogue.cloud(cloud).regions().values()) {
                TABLE_OF_SIZE_FAMILY_TYPE.forEach((type, table) -> {
                    for (String size : SizeCatalogue.SIZES) {
                        String sku = sizes.sizeFor(type, size, cloud).sku();
                        requirePrice(missing, cloud, region, table, sku);
                    }
                });
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everySkuThePricingRulesNameHasAPriceInEveryListedRegion() {
        List<String> missing = new ArrayList<>();
        for (Cloud cloud : Cloud.values()) {
            CloudPricing rules = catalogue.cloud(cloud);
            for (RegionPrices region : rules.regions().values()) {
                List<String> disks = rules.diskTiers().isEmpty()
                        ? List.copyOf(rules.diskSkus().values())
                        : rules.diskTiers().values().stream().flatMap(List::stream).map(DiskTier::sku).toList();
                disks.forEach(sku -> requirePrice(missing, cloud, region, PriceTable.DISK, sku));
                requirePrice(missing, cloud, region, PriceTable.PUBLIC_IP, rules.publicIpSku());
                requirePrice(missing, cloud, region, PriceTable.DATABASE_STORAGE, rules.databaseStorageSku());
                requirePrice(missing, cloud, region, PriceTable.KUBERNETES, rules.kubernetesControlPlaneSku());
                requirePrice(missing, cloud, region, PriceTable.BUCKET, rules.bucketSku());
                rules.cache().replicaTiers().values().forEach(sku -> requirePrice(missing, cloud, region, PriceTable.CACHE, sku));
                for (LoadBalancerOffer offer : rules.loadBalancers().values()) {
                    requirePrice(missing, cloud, region, PriceTable.LOAD_BALANCER, offer.sku());
                    offer.extraRuleSku().ifPresent(sku -> requirePrice(missing, cloud, region, PriceTable.LOAD_BALANCER_RULE, sku));
                }
            }
            assertThat(rules.diskSkus()).as("%s disk types", cloud).containsOnlyKeys("ssd", "standard");
            assertThat(rules.loadBalancers()).as("%s load balancer types", cloud).containsOnlyKeys("application", "network");
            assertThat(rules.free()).as("%s free types", cloud).containsOnlyKeys("network", "subnet", "firewall", "dns.record");
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void atLeastThreeRegionsPerCloudAllOfThemBlueprintRegions() {
        for (Cloud cloud : Cloud.values()) {
            assertThat(catalogue.cloud(cloud).regions().keySet()).as("priced regions of %s", cloud)
                    .hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(region -> assertThat(regions.contains(cloud, region)).as(region).isTrue());
        }
    }

    @Test
    void everyPriceIsANonNegativeDecimalWithAtMostTenPlaces() {
        for (Cloud cloud : Cloud.values()) {
            for (RegionPrices region : catalogue.cloud(cloud).regions().values()) {
                assertThat(region.provenance()).as("provenance of %s %s", cloud, region.region()).isNotBlank();
                region.tables().values().stream().flatMap(prices -> prices.values().stream()).forEach(price -> {
                    assertThat(price.signum()).isNotNegative();
                    assertThat(price.stripTrailingZeros().scale()).isLessThanOrEqualTo(PriceCatalogue.MAX_PRICE_SCALE);
                });
            }
        }
    }

    @Test
    void regionTableMapsEveryBlueprintRegionToARegionOfEachOtherCloud() {
        for (Cloud source : Cloud.values()) {
            assertThat(equivalents.regions(source)).containsExactlyInAnyOrderElementsOf(regions.regionIds(source));
            for (String region : regions.regionIds(source)) {
                for (Cloud target : Cloud.values()) {
                    assertThat(equivalents.equivalent(source, region, target))
                            .as("%s %s on %s", source, region, target)
                            .hasValueSatisfying(mapped -> assertThat(regions.contains(target, mapped)).isTrue());
                }
            }
        }
    }

    @Test
    void examplesArePricedInFullOnEveryCloud() throws IOException {
        CostEstimator estimator = CostEstimator.standard();
        try (Stream<Path> files = Files.list(Blueprints.EXAMPLES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                Blueprint blueprint = Blueprints.example(file.getFileName().toString());
                var estimate = estimator.estimate(blueprint);
                assertThat(estimate.unpricedCount()).as(file.toString()).isZero();
                assertThat(estimate.comparisons()).as(file.toString())
                        .hasSize(2)
                        .allSatisfy(other -> assertThat(other.unpricedCount()).as("%s on %s", file, other.cloud()).isZero())
                        .allSatisfy(other -> assertThat(other.totalMonthly()).isGreaterThan(BigDecimal.ZERO));
            }
        }
    }

    private static void requirePrice(List<String> missing, Cloud cloud, RegionPrices region, PriceTable table, String sku) {
        if (region.price(table, sku).isEmpty()) {
            missing.add(cloud.id() + " " + region.region() + " " + table.key() + " " + sku);
        }
    }
}
