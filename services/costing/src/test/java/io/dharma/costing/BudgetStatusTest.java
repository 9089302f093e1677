package io.dharma.costing;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.costing.estimate.BudgetStatus;
import io.dharma.costing.estimate.CostEstimate;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class BudgetStatusTest {

    private static final String ONE_T3_SMALL = """
            - name: vm
              type: compute.instance
              properties: { size: small, image: debian-12, subnet: sub, disk: { sizeGb: 10 } }
            """;

    private final CostEstimator estimator = CostEstimator.standard();

    @Test
    void overWhenTheTotalExceedsTheBudget() {
        // t3.small 0.0208 x 730 = 15.184 plus 10 GB gp3 at 0.08 = 0.80: 15.984
        CostEstimate estimate = estimator.estimate(Blueprints.of("aws", "us-east-1", "15.98", ONE_T3_SMALL));

        assertThat(estimate.totalMonthly()).isEqualTo(new BigDecimal("15.9840"));
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.OVER);
        assertThat(estimate.budget()).contains(new BigDecimal("15.9800"));
    }

    @Test
    void withinWhenTheTotalEqualsTheBudget() {
        CostEstimate estimate = estimator.estimate(Blueprints.of("aws", "us-east-1", "15.984", ONE_T3_SMALL));

        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.WITHIN);
    }

    @Test
    void exampleOverItsBudgetWhenTheBudgetIsCut() {
        String document = Blueprints.exampleText("aws-prod-api.yaml").replace("monthlyUsd: 4000", "monthlyUsd: 1500");

        CostEstimate estimate = estimator.estimate(Blueprints.yaml(document));

        assertThat(estimate.totalMonthly()).isEqualTo(new BigDecimal("1754.8850"));
        assertThat(estimate.budgetStatus()).isEqualTo(BudgetStatus.OVER);
    }

    @Test
    void noBudgetWhenTheBlueprintDeclaresNone() {
        assertThat(estimator.estimate(Blueprints.of("aws", "us-east-1", null, ONE_T3_SMALL)).budgetStatus())
                .isEqualTo(BudgetStatus.NO_BUDGET);
    }
}
