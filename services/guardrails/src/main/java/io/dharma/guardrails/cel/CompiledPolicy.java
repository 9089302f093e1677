package io.dharma.guardrails.cel;

import dev.cel.runtime.CelRuntime;
import io.dharma.guardrails.policy.Policy;
import java.util.Map;
import java.util.Optional;

/**
 * A policy whose expressions compiled, with one program pair per resource type it applies to
 * (each type-checked against that type's properties) or one for the blueprint. Immutable and
 * safe to share between threads and tenants.
 */
public final class CompiledPolicy {

    /** The programs that check one subject: the compliance condition and the optional message. */
    public record Programs(CelRuntime.Program condition, Optional<CelRuntime.Program> message) {
    }

    private final Policy policy;
    private final Map<String, Programs> byResourceType;
    private final Programs forBlueprint;

    CompiledPolicy(Policy policy, Map<String, Programs> byResourceType, Programs forBlueprint) {
        this.policy = policy;
        this.byResourceType = Map.copyOf(byResourceType);
        this.forBlueprint = forBlueprint;
    }

    public Policy policy() {
        return policy;
    }

    /** The programs for resources of {@code resourceType}; empty if the policy does not apply to it. */
    public Optional<Programs> forResourceType(String resourceType) {
        return Optional.ofNullable(byResourceType.get(resourceType));
    }

    /** The programs of a blueprint-level policy; empty for a resource-level one. */
    public Optional<Programs> forBlueprint() {
        return Optional.ofNullable(forBlueprint);
    }
}
