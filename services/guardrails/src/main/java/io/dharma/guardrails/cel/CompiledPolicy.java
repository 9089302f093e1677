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
    private final String compilationFailure;

    CompiledPolicy(Policy policy, Map<String, Programs> byResourceType, Programs forBlueprint) {
        this(policy, byResourceType, forBlueprint, null);
    }

    private CompiledPolicy(Policy policy, Map<String, Programs> byResourceType, Programs forBlueprint,
            String compilationFailure) {
        this.policy = policy;
        this.byResourceType = Map.copyOf(byResourceType);
        this.forBlueprint = forBlueprint;
        this.compilationFailure = compilationFailure;
    }

    /**
     * A stored policy that no longer compiles (the catalogue changed after it was accepted). It
     * stays in the set, so evaluation reports it instead of silently dropping a guardrail.
     */
    public static CompiledPolicy uncompilable(Policy policy, String compilerMessage) {
        return new CompiledPolicy(policy, Map.of(), null, compilerMessage);
    }

    /** Why the policy cannot be evaluated at all; empty for a policy that compiled. */
    public Optional<String> compilationFailure() {
        return Optional.ofNullable(compilationFailure);
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
