package io.dharma.costing.estimate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding rule of every estimate, matching the decimal scales of {@code CostEstimated}:
 * unit prices are kept exactly as the catalogue states them (at most 10 decimals), quantities are
 * exact (at most 6 decimals), each line's monthly amount is unit price x quantity rounded
 * half-even to 4 decimals, and a total is the exact sum of its lines' rounded amounts, so anyone
 * can add the lines of an event up to its total.
 */
public final class Money {

    public static final int AMOUNT_SCALE = 4;
    public static final int UNIT_PRICE_SCALE = 10;
    public static final int QUANTITY_SCALE = 6;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(AMOUNT_SCALE);

    private Money() {
    }

    /** unitPrice x quantity, rounded half-even to 4 decimals. */
    public static BigDecimal monthly(BigDecimal unitPrice, BigDecimal quantity) {
        return unitPrice.multiply(quantity).setScale(AMOUNT_SCALE, ROUNDING);
    }

    /** An amount (a budget, for example) at the amount scale. */
    public static BigDecimal amount(BigDecimal value) {
        return value.setScale(AMOUNT_SCALE, ROUNDING);
    }
}
