package io.dharma.guardrails.store;

import io.dharma.web.quota.CountedQuota;

/** The tenant's own guardrail policies (built-ins do not count), in the caller's transaction. */
public class PolicyQuota extends CountedQuota {

    public PolicyQuota(TenantPolicyStore store) {
        super(POLICIES, store::countTenantPolicies);
    }
}
