package io.dharma.orchestrator.state;

import io.dharma.web.quota.TenantQuota;

/**
 * The tenant's deployments not yet ended (requested, awaiting approval, planning, planned,
 * applying), so one tenant cannot queue more work than its share; counted in the caller's transaction.
 */
public class DeploymentQuota implements TenantQuota {

    private final DeploymentStore deployments;

    public DeploymentQuota(DeploymentStore deployments) {
        this.deployments = deployments;
    }

    @Override
    public String name() {
        return DEPLOYMENTS;
    }

    @Override
    public long used(String tenant) {
        return deployments.countOpen(tenant);
    }
}
