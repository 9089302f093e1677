package io.dharma.costing;

import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.LineItem;
import java.math.BigDecimal;
import java.util.List;

/**
 * A line item as a test writes it by hand: decimals as plain strings (unit price and quantity
 * without trailing zeros, monthly with its 4 decimals), so expectations never call the estimator.
 */
record ExpectedLine(String resource, String type, String sku, String unitPrice, String unit, String quantity, String monthly) {

    static ExpectedLine of(LineItem line) {
        var price = line.pricing().orElseThrow(() -> new AssertionError("unpriced: " + line));
        return new ExpectedLine(line.resourceName(), line.resourceType(), price.sku(),
                plain(price.unitPrice()), price.unit(), plain(price.quantity()), price.monthly().toPlainString());
    }

    static List<ExpectedLine> of(CloudEstimate estimate) {
        return estimate.lineItems().stream().map(ExpectedLine::of).toList();
    }

    /** A free resource: one zero line. */
    static ExpectedLine free(String resource, String type, String sku) {
        return new ExpectedLine(resource, type, sku, "0", "month", "1", "0.0000");
    }

    static BigDecimal sum(List<ExpectedLine> lines) {
        return lines.stream().map(line -> new BigDecimal(line.monthly())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
