package io.dharma.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The JSON shape of a {@link CostEstimated} over HTTP, the one shape of every cost estimate the
 * platform answers: the stored one (the streams application's {@code /versions/{v}/cost}) and the
 * dry run's (costing's {@code POST /api/v1/costs/estimate}, inside {@code POST /blueprints/plan}).
 * Amounts are strings holding the event's decimals at their own scale ({@code toPlainString}:
 * "146.0000", unit prices at scale 10), so nothing is rounded or turned into a binary float on the
 * way. A dry run publishes nothing, so its {@code blueprintId}, {@code version} and {@code eventId}
 * are null and {@code estimatedAt} is when it was priced.
 */
public record CostEstimateView(String blueprintId, Integer version, String cloud, String currency, String totalMonthly,
        List<LineItem> lineItems, int unpricedCount, String catalogueVersion, String budgetStatus, String budget,
        List<Comparison> comparisons, Instant estimatedAt, String eventId) {

    /** A priced line has sku..monthly and no unpricedReason; an unpriced one only its reason. */
    public record LineItem(String resourceName, String resourceType, String sku, String unitPrice, String unit,
            String quantity, String monthly, String unpricedReason) {

        static LineItem of(CostLineItem item) {
            LinePricing pricing = item.getPricing();
            if (pricing == null) {
                return new LineItem(item.getResourceName(), item.getResourceType(), null, null, null, null, null,
                        item.getUnpricedReason());
            }
            return new LineItem(item.getResourceName(), item.getResourceType(), pricing.getSku(),
                    decimal(pricing.getUnitPrice()), pricing.getUnit(), decimal(pricing.getQuantity()),
                    decimal(pricing.getMonthly()), item.getUnpricedReason());
        }
    }

    /** The same blueprint on another cloud. */
    public record Comparison(String cloud, String totalMonthly, int unpricedCount) {
    }

    /** The estimate a published event carries, with the event's blueprint, version, time and id. */
    public static CostEstimateView of(CostEstimated event) {
        Envelope envelope = Objects.requireNonNull(event.getEnvelope(), "a published estimate has an envelope");
        return of(event, envelope.getBlueprintId(), envelope.getBlueprintVersion(), envelope.getOccurredAt(),
                String.valueOf(envelope.getEventId()));
    }

    /**
     * The estimate of a dry run: the content of the event that a submission would publish (its
     * envelope, if any, ignored), priced at {@code estimatedAt}, with no blueprint, version or event id.
     */
    public static CostEstimateView unpublished(CostEstimated content, Instant estimatedAt) {
        return of(content, null, null, estimatedAt, null);
    }

    private static CostEstimateView of(CostEstimated event, String blueprintId, Integer version, Instant estimatedAt,
            String eventId) {
        return new CostEstimateView(blueprintId, version, event.getCloud().name(), event.getCurrency(),
                decimal(event.getTotalMonthly()), event.getLineItems().stream().map(LineItem::of).toList(),
                event.getUnpricedCount(), event.getCatalogueVersion(), event.getBudgetStatus().name(),
                decimal(event.getBudget()),
                event.getComparisons().stream()
                        .map(comparison -> new Comparison(comparison.getCloud().name(),
                                decimal(comparison.getTotalMonthly()), comparison.getUnpricedCount()))
                        .toList(),
                estimatedAt, eventId);
    }

    /** The decimal as written, at its scale; null stays null. */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
