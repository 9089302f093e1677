package io.dharma.infra.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheSelectedMetricsOnly() {
        assertThat(PromQl.metricNames(
                "sum by (cloud, le) (rate(dharma_costs_estimated_monthly_usd_bucket{cloud=\"aws\", job=~\"a|b\"}[5m])) * 60"))
                .containsExactly("dharma_costs_estimated_monthly_usd_bucket");
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum(rate(x_bucket[$__rate_interval])) by (le))"))
                .containsExactly("x_bucket");
        assertThat(PromQl.metricNames("a_total / on(job) group_left(instance) b offset 1h > bool 1e3 and up"))
                .containsExactly("a_total", "b", "up");
    }
}
