package io.dharma.streams;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.StageKind;
import io.dharma.streams.views.TrackingView;

/**
 * Pure fold of an updated {@link TrackingView} into its blueprint's {@link BlueprintView}: the
 * latest version sets the status; the newest version that reached a deployment sets the last
 * deployment; the newest version that succeeded (or was destroyed) sets the deployed monthly cost.
 * Returns {@code current} itself when nothing changed. The views of one tracking arrive in order
 * (repartitioned by blueprintId from the task owning the trackingId), but those of different
 * versions interleave in any order; decisions depend only on versions, so every interleaving gives
 * the same view, and a repeated view changes nothing.
 */
final class BlueprintFold {

    static final BigDecimal NO_COST = BigDecimal.ZERO.setScale(4);

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
                .setDeployedVersion(0)
                .setDeployedMonthly(NO_COST)
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
        if (version >= view.getDeployedVersion()) {
            switch (tracking.getStatus()) {
                case SUCCEEDED -> view.setDeployedVersion(version).setDeployedMonthly(estimatedMonthly(tracking));
                case DESTROYED -> view.setDeployedVersion(version).setDeployedMonthly(NO_COST);
                default -> { }
            }
        }
        if (tracking.getUpdatedAt().isAfter(view.getUpdatedAt())) {
            view.setUpdatedAt(tracking.getUpdatedAt());
        }
        BlueprintView updated = view.build();
        return updated.equals(current) ? current : updated;
    }

    /** The tracking's cost estimate (it may arrive after the deployment succeeded), or 0 while unknown. */
    private static BigDecimal estimatedMonthly(TrackingView tracking) {
        return tracking.getStages().stream()
                .filter(stage -> stage.getKind() == StageKind.COST)
                .map(stage -> stage.getDetail().get("totalMonthly"))
                .filter(total -> total != null)
                .map(total -> new BigDecimal(total).setScale(4, RoundingMode.HALF_EVEN))
                .reduce((first, last) -> last)
                .orElse(NO_COST);
    }
}
