package io.dharma.costing.api;

import io.dharma.blueprint.Blueprint;
import io.dharma.costing.CostEstimator;
import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.CostEstimate;
import io.dharma.costing.estimate.LineItem;
import io.dharma.web.BlueprintBodies;
import io.dharma.web.Caller;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/costs/estimate}: what a blueprint would cost per month, priced now and kept
 * nowhere (the dry run, ADR 0026). The same {@link CostEstimator#estimate} costing's reaction to
 * {@code BlueprintSubmitted} calls, so the estimate is the one a submission publishes.
 */
@RestController
public class CostEstimateController {

    private final CostEstimator estimator;

    public CostEstimateController(CostEstimator costingEstimator) {
        this.estimator = costingEstimator;
    }

    @PostMapping(path = "/api/v1/costs/estimate", produces = MediaType.APPLICATION_JSON_VALUE)
    Estimate estimate(Caller caller, @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType, @RequestBody byte[] body) {
        Blueprint blueprint = BlueprintBodies.validBlueprint(body, contentType);
        return Estimate.of(estimator.estimate(blueprint));
    }

    /**
     * The estimate on the blueprint's own cloud and region, checked against its budget
     * ({@code WITHIN}, {@code OVER} or {@code NO_BUDGET}), and the same blueprint on each other cloud.
     */
    public record Estimate(String cloud, String region, String currency, String catalogueVersion, BigDecimal totalMonthly,
            int unpricedCount, BigDecimal budget, String budgetStatus, List<Line> lineItems, List<Comparison> comparisons) {

        /** A priced line has {@code sku} to {@code monthly}; an unpriced one only {@code unpricedReason}. */
        public record Line(String resourceName, String resourceType, String sku, BigDecimal unitPrice, String unit,
                BigDecimal quantity, BigDecimal monthly, String unpricedReason) {

            static Line of(LineItem item) {
                return item.pricing()
                        .map(price -> new Line(item.resourceName(), item.resourceType(), price.sku(), price.unitPrice(),
                                price.unit(), price.quantity(), price.monthly(), null))
                        .orElseGet(() -> new Line(item.resourceName(), item.resourceType(), null, null, null, null, null,
                                item.unpricedReason().orElseThrow()));
            }
        }

        public record Comparison(String cloud, String region, BigDecimal totalMonthly, int unpricedCount) {

            static Comparison of(CloudEstimate estimate) {
                return new Comparison(estimate.cloud().id(), estimate.region().orElse(null), estimate.totalMonthly(),
                        estimate.unpricedCount());
            }
        }

        static Estimate of(CostEstimate estimate) {
            CloudEstimate target = estimate.target();
            return new Estimate(target.cloud().id(), target.region().orElse(null), estimate.currency(),
                    estimate.catalogueVersion(), estimate.totalMonthly(), estimate.unpricedCount(),
                    estimate.budget().orElse(null), estimate.budgetStatus().name(),
                    target.lineItems().stream().map(Line::of).toList(),
                    estimate.comparisons().stream().map(Comparison::of).toList());
        }
    }
}
