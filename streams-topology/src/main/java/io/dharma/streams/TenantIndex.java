package io.dharma.streams;

import java.util.Set;

import io.dharma.streams.views.DeploymentStatus;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.DriftView;

/**
 * Keys of the tenant index stores, so that a tenant's list reads only the tenant's entries. An index
 * store lives in the same task as the store it indexes (same partitions); its key is
 * {@code tenant NUL [status NUL] storeKey} (deployments also {@code tenant NUL blueprint NUL
 * blueprintId NUL storeKey}) and its value the indexed store's key, so a range over
 * a prefix yields the store keys of one tenant (and status) in key order. NUL never occurs in
 * tenant ids, statuses or ids, and sorts before every other character.
 */
public final class TenantIndex {

    private static final char SEPARATOR = '\u0000';
    private static final String ANY_STATUS = "";
    private static final String BY_BLUEPRINT = "blueprint";

    private TenantIndex() {
    }

    /**
     * The index keys of a deployment: one for its tenant's list, one for its tenant's list by status,
     * one for its blueprint's list ({@code tenant NUL blueprint NUL blueprintId NUL deploymentId}: a
     * lower-case word no status is spelt as, so the lists never overlap).
     */
    static Set<String> deploymentKeys(DeploymentView view) {
        return Set.of(
                join(view.getTenantId(), ANY_STATUS, view.getDeploymentId()),
                join(view.getTenantId(), view.getStatus().name(), view.getDeploymentId()),
                join(view.getTenantId(), BY_BLUEPRINT, view.getBlueprintId(), view.getDeploymentId()));
    }

    /** The prefix of a tenant's deployments of one blueprint. */
    public static String blueprintDeploymentPrefix(String tenant, String blueprintId) {
        return join(tenant, BY_BLUEPRINT, blueprintId, "");
    }

    /** The prefix of a tenant's deployments, of one status when {@code status} is not null. */
    public static String deploymentPrefix(String tenant, DeploymentStatus status) {
        return join(tenant, status == null ? ANY_STATUS : status.name(), "");
    }

    static String driftKey(DriftView view) {
        return join(view.getTenantId(), view.getBlueprintId());
    }

    /** The prefix of a tenant's drift views. */
    public static String driftPrefix(String tenant) {
        return join(tenant, "");
    }

    /**
     * The largest key a range over {@code prefix} has to read up to: {@code prefix} without its
     * trailing separator and the next character instead, which sorts after every key with the prefix.
     */
    public static String upperBound(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (SEPARATOR + 1);
    }

    private static String join(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }
}
