package io.dharma.costing.estimate;

import java.math.BigDecimal;
import java.util.Optional;

/** An estimate compared with the blueprint's declared monthly budget. */
public enum BudgetStatus {
    /** The total is at most the budget (a lower bound when lines are unpriced). */
    WITHIN,
    /** The total exceeds the budget. */
    OVER,
    /** The blueprint declares no budget. */
    NO_BUDGET;

    public static BudgetStatus of(BigDecimal totalMonthly, Optional<BigDecimal> budget) {
        return budget.map(limit -> totalMonthly.compareTo(limit) > 0 ? OVER : WITHIN).orElse(NO_BUDGET);
    }
}
