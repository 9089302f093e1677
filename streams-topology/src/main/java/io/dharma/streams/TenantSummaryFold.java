package io.dharma.streams;

import java.util.HashMap;
import java.util.Map;

import io.dharma.streams.views.BlueprintStatusChange;
import io.dharma.streams.views.TenantSummary;

/**
 * Pure fold of one blueprint status change into its tenant's counts: one blueprint leaves its
 * previous status and enters the new one (a no-op when they are equal), and the deployed monthly
 * total moves by the blueprint's cost difference. Counts that reach zero are removed.
 */
final class TenantSummaryFold {

    private TenantSummaryFold() {
    }

    static TenantSummary apply(TenantSummary current, String tenantId, BlueprintStatusChange change) {
        Map<String, Long> counts = new HashMap<>(current != null ? current.getBlueprintsByStatus() : Map.of());
        if (change.getPreviousStatus() != null) {
            counts.computeIfPresent(change.getPreviousStatus(), (status, count) -> count > 1 ? count - 1 : null);
        }
        counts.merge(change.getStatus(), 1L, Long::sum);
        return TenantSummary.newBuilder()
                .setTenantId(tenantId)
                .setBlueprintsByStatus(counts)
                .setDeployedMonthly((current != null ? current.getDeployedMonthly() : BlueprintFold.NO_COST)
                        .add(change.getDeployedMonthly()).subtract(change.getPreviousDeployedMonthly()))
                .setUpdatedAt(current != null && current.getUpdatedAt().isAfter(change.getOccurredAt())
                        ? current.getUpdatedAt() : change.getOccurredAt())
                .build();
    }
}
