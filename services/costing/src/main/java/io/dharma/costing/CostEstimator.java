package io.dharma.costing;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Budget;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.costing.catalogue.PriceCatalogue;
import io.dharma.costing.catalogue.RegionEquivalents;
import io.dharma.costing.estimate.BudgetStatus;
import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.CostEstimate;
import io.dharma.costing.estimate.Money;
import io.dharma.costing.pricing.BlueprintPricer;
import io.dharma.costing.pricing.PricingContext;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Estimates what a blueprint costs per month: every resource priced on the blueprint's cloud and
 * region from a {@link PriceCatalogue}, the total checked against the blueprint's budget, and the
 * same blueprint priced on each other cloud in the equivalent region ({@link RegionEquivalents}).
 * Pure and thread-safe; the same blueprint and catalogue always give the same estimate.
 *
 * <pre>{@code
 * CostEstimate estimate = CostEstimator.standard().estimate(blueprint);
 * estimate.totalMonthly();   // BigDecimal, scale 4, USD
 * }</pre>
 */
public final class CostEstimator {

    private final PriceCatalogue catalogue;
    private final RegionEquivalents equivalents;
    private final SizeCatalogue sizes;
    private final BlueprintPricer pricer;

    public CostEstimator(PriceCatalogue catalogue, RegionEquivalents equivalents, ResourceCatalogue resources, SizeCatalogue sizes) {
        this.catalogue = catalogue;
        this.equivalents = equivalents;
        this.sizes = sizes;
        this.pricer = new BlueprintPricer(resources);
    }

    /** The current price catalogue, the standard region table and catalogue v1. */
    public static CostEstimator standard() {
        return new CostEstimator(PriceCatalogue.current(), RegionEquivalents.standard(), ResourceCatalogue.v1(), SizeCatalogue.v1());
    }

    public PriceCatalogue catalogue() {
        return catalogue;
    }

    public CostEstimate estimate(Blueprint blueprint) {
        Cloud cloud = blueprint.spec().cloud();
        String region = blueprint.spec().region();
        CloudEstimate target = priceOn(blueprint, cloud, Optional.of(region));
        List<CloudEstimate> comparisons = Arrays.stream(Cloud.values())
                .filter(other -> other != cloud)
                .map(other -> priceOn(blueprint, other, equivalents.equivalent(cloud, region, other)))
                .toList();
        Optional<BigDecimal> budget = blueprint.spec().budget().map(Budget::monthlyUsd).map(Money::amount);
        return new CostEstimate(target, catalogue.currency(), catalogue.version(), budget,
                BudgetStatus.of(target.totalMonthly(), budget), comparisons);
    }

    private CloudEstimate priceOn(Blueprint blueprint, Cloud cloud, Optional<String> region) {
        return pricer.price(blueprint, PricingContext.of(catalogue, sizes, cloud, region));
    }
}
