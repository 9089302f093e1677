package io.dharma.streams.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.dharma.events.CloudCostComparison;
import io.dharma.events.CostEstimated;
import io.dharma.events.CostLineItem;
import io.dharma.events.LinePricing;

/**
 * The cost estimate of one blueprint version, as the costing service published it. Amounts are
 * strings holding the event's decimals at their own scale ({@code toPlainString}: "146.0000",
 * unit prices at scale 10), so nothing is rounded or turned into a binary float on the way.
 */
public record CostResponse(String blueprintId, int version, String cloud, String currency, String totalMonthly,
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

    static CostResponse of(CostEstimated event) {
        return new CostResponse(event.getEnvelope().getBlueprintId(), event.getEnvelope().getBlueprintVersion(),
                event.getCloud().name(), event.getCurrency(), decimal(event.getTotalMonthly()),
                event.getLineItems().stream().map(LineItem::of).toList(), event.getUnpricedCount(),
                event.getCatalogueVersion(), event.getBudgetStatus().name(), decimal(event.getBudget()),
                event.getComparisons().stream()
                        .map((CloudCostComparison comparison) -> new Comparison(comparison.getCloud().name(),
                                decimal(comparison.getTotalMonthly()), comparison.getUnpricedCount()))
                        .toList(),
                event.getEnvelope().getOccurredAt(), String.valueOf(event.getEnvelope().getEventId()));
    }

    /** The decimal as written, at its scale; null stays null. */
    static String decimal(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
