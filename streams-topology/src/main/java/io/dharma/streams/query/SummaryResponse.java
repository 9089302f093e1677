package io.dharma.streams.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.dharma.streams.views.TenantSummary;

/** A tenant at a glance: blueprints by current status and the estimated monthly cost of what is deployed. */
public record SummaryResponse(String tenantId, Map<String, Long> blueprintsByStatus, long blueprints,
        BigDecimal deployedMonthly, String currency, Instant updatedAt) {

    static SummaryResponse of(TenantSummary summary) {
        Map<String, Long> byStatus = new TreeMap<>(summary.getBlueprintsByStatus());
        byStatus.values().removeIf(count -> count == 0);
        return new SummaryResponse(summary.getTenantId(), byStatus,
                byStatus.values().stream().mapToLong(Long::longValue).sum(), summary.getDeployedMonthly(), "USD",
                summary.getUpdatedAt());
    }

    static SummaryResponse empty(String tenantId) {
        return new SummaryResponse(tenantId, Map.of(), 0, BigDecimal.ZERO, "USD", null);
    }
}
