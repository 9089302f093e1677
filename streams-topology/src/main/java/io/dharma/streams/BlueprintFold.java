package io.dharma.streams;

import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.TrackingView;

/**
 * Pure fold of an updated {@link TrackingView} into its blueprint's {@link BlueprintView}: the
 * latest version sets the status; the newest version that reached a deployment sets the last
 * deployment. Returns {@code current} itself when nothing changed.
 */
final class BlueprintFold {

    private BlueprintFold() {
    }

    static BlueprintView apply(BlueprintView current, TrackingView tracking) {
        BlueprintView.Builder view = current != null ? BlueprintView.newBuilder(current) : BlueprintView.newBuilder()
                .setBlueprintId(tracking.getBlueprintId())
                .setTenantId(tracking.getTenantId())
                .setLatestVersion(0)
                .setLatestTrackingId(tracking.getTrackingId())
                .setStatus(tracking.getStatus().name())
                .setLastDeploymentId(null)
                .setLastDeploymentVersion(0)
                .setLastDeploymentStatus(null)
                .setUpdatedAt(tracking.getUpdatedAt());
        int version = tracking.getBlueprintVersion();
        if (version >= view.getLatestVersion()) {
            view.setLatestVersion(version)
                    .setLatestTrackingId(tracking.getTrackingId())
                    .setStatus(tracking.getStatus().name());
        }
        if (tracking.getDeploymentId() != null && version >= view.getLastDeploymentVersion()) {
            view.setLastDeploymentId(tracking.getDeploymentId())
                    .setLastDeploymentVersion(version)
                    .setLastDeploymentStatus(tracking.getStatus().name());
        }
        if (tracking.getUpdatedAt().isAfter(view.getUpdatedAt())) {
            view.setUpdatedAt(tracking.getUpdatedAt());
        }
        BlueprintView updated = view.build();
        return updated.equals(current) ? current : updated;
    }
}
