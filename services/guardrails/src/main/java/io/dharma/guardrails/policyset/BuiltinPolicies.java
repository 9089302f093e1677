package io.dharma.guardrails.policyset;

import io.dharma.guardrails.cel.CompiledPolicy;
import io.dharma.guardrails.cel.PolicyCompilationException;
import io.dharma.guardrails.cel.PolicyCompiler;
import io.dharma.guardrails.policy.PolicyLibrary;
import io.dharma.guardrails.policy.PolicyValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in library, validated and compiled once at start-up. Any policy that does not
 * compile (a property renamed in the catalogue, a typo) stops the service with the compiler's
 * message, rather than letting a guardrail quietly disappear.
 */
public final class BuiltinPolicies {

    private final String version;
    private final Map<String, CompiledPolicy> policies;
    private final Set<String> mandatory;

    private BuiltinPolicies(String version, Map<String, CompiledPolicy> policies, Set<String> mandatory) {
        this.version = version;
        this.policies = policies;
        this.mandatory = Set.copyOf(mandatory);
    }

    public static BuiltinPolicies load(PolicyCompiler compiler, PolicyValidator validator) {
        PolicyLibrary.Documents documents = PolicyLibrary.builtinDocuments();
        Map<String, CompiledPolicy> compiled = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (var policy : PolicyLibrary.builtinPolicies(validator)) {
            try {
                if (compiled.put(policy.id(), compiler.compile(policy)) != null) {
                    failures.add(policy.id() + ": the id is used twice");
                }
            } catch (PolicyCompilationException e) {
                failures.add(policy.id() + ":\n" + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("built-in guardrail policies do not compile:\n" + String.join("\n", failures));
        }
        return new BuiltinPolicies(documents.version(), Collections.unmodifiableMap(compiled), documents.mandatory());
    }

    /** Version of the library file, part of every policy set's version. */
    public String version() {
        return version;
    }

    /** Every built-in, in library order. */
    public List<CompiledPolicy> all() {
        return List.copyOf(policies.values());
    }

    public Optional<CompiledPolicy> find(String id) {
        return Optional.ofNullable(policies.get(id));
    }

    public boolean contains(String id) {
        return policies.containsKey(id);
    }

    /**
     * Whether the built-in is marked {@code mandatory} in the library: in force for every tenant,
     * whatever its disabled list says; the API refuses to disable it.
     */
    public boolean isMandatory(String id) {
        return mandatory.contains(id);
    }

    /** The ids of the mandatory built-ins. */
    public Set<String> mandatory() {
        return mandatory;
    }
}
