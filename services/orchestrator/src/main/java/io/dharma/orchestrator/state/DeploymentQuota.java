package io.dharma.orchestrator.state;

import io.dharma.web.quota.CountedQuota;

/**
 * The tenant's deployments not yet ended (requested, awaiting approval, planning, planned,
 * applying), so one tenant cannot queue more work than its share; counted in the caller's transaction.
 */
public class DeploymentQuota extends CountedQuota {

    public DeploymentQuota(DeploymentStore deployments) {
        super(DEPLOYMENTS, deployments::countOpen);
    }
}
