package io.dharma.costing.estimate;

import io.dharma.blueprint.Cloud;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A blueprint priced on one cloud in one region: its line items (grouped by resource in blueprint
 * order), their total and how many could not be priced (a non-zero count makes the total a lower
 * bound). The region is absent when no region of this cloud is mapped as equivalent to the
 * blueprint's; every non-free line is then unpriced.
 */
public record CloudEstimate(Cloud cloud, Optional<String> region, List<LineItem> lineItems) {

    public CloudEstimate {
        lineItems = List.copyOf(lineItems);
    }

    /** The exact sum of the priced lines' monthly amounts. */
    public BigDecimal totalMonthly() {
        return lineItems.stream()
                .flatMap(line -> line.pricing().stream())
                .map(LinePrice::monthly)
                .reduce(Money.ZERO, BigDecimal::add);
    }

    public int unpricedCount() {
        return (int) lineItems.stream().filter(line -> !line.isPriced()).count();
    }
}
