package io.dharma.costing.estimate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The monthly cost estimate of a blueprint: priced on its own cloud and region ({@code target}),
 * checked against its budget, and priced on each other cloud in the equivalent region for
 * comparison.
 */
public record CostEstimate(
        CloudEstimate target,
        String currency,
        String catalogueVersion,
        Optional<BigDecimal> budget,
        BudgetStatus budgetStatus,
        List<CloudEstimate> comparisons) {

    public CostEstimate {
        comparisons = List.copyOf(comparisons);
    }

    public BigDecimal totalMonthly() {
        return target.totalMonthly();
    }

    public int unpricedCount() {
        return target.unpricedCount();
    }
}
