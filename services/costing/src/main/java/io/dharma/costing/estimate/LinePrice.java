package io.dharma.costing.estimate;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one priced line item's monthly amount was computed: {@code monthly = unitPrice x quantity}
 * rounded by {@link Money#monthly}.
 *
 * @param unit what one unit is: {@code hour}, {@code GB-month}, {@code disk-month} or {@code month}
 */
public record LinePrice(String sku, BigDecimal unitPrice, String unit, BigDecimal quantity, BigDecimal monthly) {

    public LinePrice {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(monthly, "monthly");
    }

    public static LinePrice of(String sku, BigDecimal unitPrice, String unit, BigDecimal quantity) {
        return new LinePrice(sku, unitPrice, unit, quantity, Money.monthly(unitPrice, quantity));
    }
}
