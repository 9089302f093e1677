package io.dharma.guardrails.store;

import io.dharma.web.quota.TenantQuota;

/** The tenant's own guardrail policies (built-ins do not count), in the caller's transaction. */
public class PolicyQuota implements TenantQuota {

    private final TenantPolicyStore store;

    public PolicyQuota(TenantPolicyStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return POLICIES;
    }

    @Override
    public long used(String tenant) {
        return store.countTenantPolicies(tenant);
    }
}
