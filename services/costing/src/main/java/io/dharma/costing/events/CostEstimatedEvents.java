package io.dharma.costing.events;

import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.costing.CostEstimator;
import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.CostEstimate;
import io.dharma.costing.estimate.LineItem;
import io.dharma.costing.estimate.LinePrice;
import io.dharma.costing.estimate.Money;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Cloud;
import io.dharma.events.CloudCostComparison;
import io.dharma.events.CostEstimated;
import io.dharma.events.CostLineItem;
import io.dharma.events.Envelopes;
import io.dharma.events.LinePricing;
import io.dharma.kafka.processing.OnCommit;
import io.dharma.kafka.processing.UnprocessableEventException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The {@link CostEstimated} event that answers one {@link BlueprintSubmitted} on
 * {@code dharma.costs.v1}: every blueprint version priced. Its eventId derives from the input's, so
 * a reprocessed input gets the same answer.
 */
public final class CostEstimatedEvents {

    /** Reaction key of the one event costing emits per blueprint version (deterministic eventId). */
    public static final String REACTION_KEY = "cost-estimated";

    /**
     * Distribution of the estimated monthly cost of each blueprint version on its own cloud, in USD
     * (Prometheus: {@code dharma_costs_estimated_monthly_usd}), tagged {@code cloud}, with buckets
     * from 10 to 100,000 USD a month.
     */
    public static final String ESTIMATED_METRIC = "dharma.costs.estimated.monthly";
    private static final double[] USD_BUCKETS = {10, 100, 1_000, 10_000, 100_000};

    private final Envelopes envelopes;
    private final CostEstimator estimator;
    private final MeterRegistry meters;

    public CostEstimatedEvents(Envelopes envelopes, CostEstimator estimator, MeterRegistry meters) {
        this.envelopes = envelopes;
        this.estimator = estimator;
        this.meters = meters;
    }

    public CostEstimated answer(BlueprintSubmitted submitted) {
        // Pricing is pure: if it fails once it fails every time, so the record goes to the DLT at once.
        CostEstimate estimate = UnprocessableEventException.onFailureOf(submitted.getEnvelope(), "cannot be priced",
                () -> estimator.estimate(BlueprintEvents.blueprintOf(submitted)));
        if ("USD".equals(estimate.currency())) {
            DistributionSummary estimated = DistributionSummary.builder(ESTIMATED_METRIC)
                    .description("Estimated monthly cost of each blueprint version on its own cloud")
                    .baseUnit("usd")
                    .tag("cloud", estimate.target().cloud().id())
                    .serviceLevelObjectives(USD_BUCKETS)
                    .register(meters);
            double monthly = estimate.target().totalMonthly().doubleValue();
            OnCommit.run("recording the cost estimate", () -> estimated.record(monthly));
        }
        return of(submitted, estimate);
    }

    public CostEstimated of(BlueprintSubmitted cause, CostEstimate estimate) {
        return CostEstimated.newBuilder(content(estimate))
                .setEnvelope(envelopes.reactingTo(cause.getEnvelope(), REACTION_KEY))
                .build();
    }

    /**
     * What the event says about the estimate, without its envelope: the dry run's answer
     * ({@link io.dharma.events.CostEstimateView#unpublished}) is built from it, so the estimate a
     * dry run shows and the one a submission publishes are mapped once. Never published as is.
     */
    public static CostEstimated content(CostEstimate estimate) {
        CloudEstimate target = estimate.target();
        // The all-arguments constructor, unlike the builder, leaves the envelope null.
        return new CostEstimated(null, cloud(target.cloud()), estimate.currency(), target.totalMonthly(),
                target.lineItems().stream().map(CostEstimatedEvents::lineItem).toList(), target.unpricedCount(),
                estimate.catalogueVersion(), BudgetStatus.valueOf(estimate.budgetStatus().name()),
                estimate.budget().orElse(null),
                estimate.comparisons().stream()
                        .map(other -> new CloudCostComparison(cloud(other.cloud()), other.totalMonthly(), other.unpricedCount()))
                        .toList());
    }

    private static CostLineItem lineItem(LineItem line) {
        return CostLineItem.newBuilder()
                .setResourceName(line.resourceName())
                .setResourceType(line.resourceType())
                .setPricing(line.pricing().map(CostEstimatedEvents::pricing).orElse(null))
                .setUnpricedReason(line.unpricedReason().orElse(null))
                .build();
    }

    // The estimate already respects the scales (see Money); UNNECESSARY fails loudly if it ever did not.
    private static LinePricing pricing(LinePrice price) {
        return LinePricing.newBuilder()
                .setSku(price.sku())
                .setUnitPrice(price.unitPrice().setScale(Money.UNIT_PRICE_SCALE, RoundingMode.UNNECESSARY))
                .setUnit(price.unit())
                .setQuantity(price.quantity().setScale(Money.QUANTITY_SCALE, RoundingMode.UNNECESSARY))
                .setMonthly(price.monthly().setScale(Money.AMOUNT_SCALE, RoundingMode.UNNECESSARY))
                .build();
    }

    private static Cloud cloud(io.dharma.blueprint.Cloud cloud) {
        return Cloud.valueOf(cloud.id().toUpperCase(Locale.ROOT));
    }
}
