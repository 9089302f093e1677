package io.dharma.streams.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.dharma.streams.views.BlueprintView;

/** A blueprint: its latest version and status, its last deployment and what is deployed. */
public record BlueprintStatusResponse(String blueprintId, int latestVersion, String latestTrackingId, String status,
        LastDeployment lastDeployment, int deployedVersion, BigDecimal deployedMonthly, Instant updatedAt,
        Map<String, String> links) {

    public record LastDeployment(String deploymentId, int version, String status) {
    }

    static BlueprintStatusResponse of(BlueprintView view) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("tracking", "/api/v1/tracking/" + view.getLatestTrackingId());
        LastDeployment last = null;
        if (view.getLastDeploymentId() != null) {
            last = new LastDeployment(view.getLastDeploymentId(), view.getLastDeploymentVersion(),
                    view.getLastDeploymentStatus());
            links.put("lastDeployment", "/api/v1/deployments/" + view.getLastDeploymentId());
        }
        return new BlueprintStatusResponse(view.getBlueprintId(), view.getLatestVersion(), view.getLatestTrackingId(),
                view.getStatus(), last, view.getDeployedVersion(), view.getDeployedMonthly(), view.getUpdatedAt(),
                links);
    }
}
