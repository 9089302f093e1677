package io.dharma.guardrails.api;

import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.store.StoredPolicy;
import java.util.Optional;

/**
 * One policy as a tenant sees it: built-in or its own, whether it is in force for the tenant, and
 * whether it is mandatory (a built-in no tenant can disable).
 */
public record PolicyEntry(Policy policy, boolean builtin, boolean mandatory, boolean enabled, Optional<StoredPolicy> stored) {

    static PolicyEntry builtin(Policy policy, boolean mandatory, boolean enabled) {
        return new PolicyEntry(policy, true, mandatory, mandatory || enabled, Optional.empty());
    }

    static PolicyEntry tenant(StoredPolicy stored) {
        return new PolicyEntry(stored.policy(), false, false, stored.enabled(), Optional.of(stored));
    }
}
