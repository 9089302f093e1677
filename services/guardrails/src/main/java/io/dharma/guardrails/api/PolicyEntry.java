package io.dharma.guardrails.api;

import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.store.StoredPolicy;
import java.util.Optional;

/** One policy as a tenant sees it: built-in or its own, and whether it is in force for the tenant. */
public record PolicyEntry(Policy policy, boolean builtin, boolean enabled, Optional<StoredPolicy> stored) {

    static PolicyEntry builtin(Policy policy, boolean enabled) {
        return new PolicyEntry(policy, true, enabled, Optional.empty());
    }

    static PolicyEntry tenant(StoredPolicy stored) {
        return new PolicyEntry(stored.policy(), false, stored.enabled(), Optional.of(stored));
    }
}
