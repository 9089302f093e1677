package io.dharma.guardrails.policyset;

import io.dharma.guardrails.cel.CompiledPolicy;
import java.util.List;

/**
 * The policies in force for one tenant at one moment: enabled built-ins in library order, then
 * the tenant's enabled policies by id.
 *
 * @param version identifies the set's content (library version + hash of disabled built-ins,
 *     tenant policies and parameters), recorded on every verdict so it can be traced later
 */
public record PolicySet(String version, List<CompiledPolicy> policies) {

    public PolicySet {
        policies = List.copyOf(policies);
    }
}
