package io.dharma.guardrails.policyset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dharma.guardrails.cel.CompiledPolicy;
import io.dharma.guardrails.cel.PolicyCompilationException;
import io.dharma.guardrails.cel.PolicyCompiler;
import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.policy.PolicyParameters;
import io.dharma.guardrails.store.StoredPolicy;
import io.dharma.guardrails.store.TenantPolicyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assembles a tenant's policy set from the compiled built-ins and the tenant's rows in
 * PostgreSQL, read fresh for every evaluation so a change through the API applies to the next
 * verdict. Compiled tenant policies are cached by their definition (a {@link Policy} is a value),
 * so an unchanged policy is compiled once, and an edited one simply misses the cache.
 */
public class PolicySets {

    private final BuiltinPolicies builtins;
    private final TenantPolicyStore store;
    private final PolicyCompiler compiler;
    private final String parametersFingerprint;
    private final Cache<Policy, CompiledPolicy> compiled;

    public PolicySets(BuiltinPolicies builtins, TenantPolicyStore store, PolicyCompiler compiler,
            PolicyParameters parameters, long cacheSize) {
        this.builtins = builtins;
        this.store = store;
        this.compiler = compiler;
        this.parametersFingerprint = parameters.toString();
        this.compiled = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    public PolicySet forTenant(String tenant) {
        // a mandatory built-in is in force even if an older release let the tenant disable it
        Set<String> disabledBuiltins = new TreeSet<>(store.disabledBuiltins(tenant));
        disabledBuiltins.removeIf(builtins::isMandatory);
        List<StoredPolicy> tenantPolicies = store.tenantPolicies(tenant).stream().filter(StoredPolicy::enabled).toList();

        List<CompiledPolicy> policies = new ArrayList<>();
        builtins.all().stream().filter(policy -> !disabledBuiltins.contains(policy.policy().id())).forEach(policies::add);
        tenantPolicies.forEach(stored -> policies.add(compiled(stored.policy())));
        return new PolicySet(version(disabledBuiltins, tenantPolicies), policies);
    }

    private CompiledPolicy compiled(Policy policy) {
        return compiled.get(policy, definition -> {
            try {
                return compiler.compile(definition);
            } catch (PolicyCompilationException e) {
                return CompiledPolicy.uncompilable(definition, e.getMessage());
            }
        });
    }

    /** {@code <library version>+<12 hex digits of SHA-256 over everything else that shapes the set>}. */
    private String version(Set<String> disabledBuiltins, List<StoredPolicy> tenantPolicies) {
        StringBuilder content = new StringBuilder()
                .append("catalogue=").append(compiler.catalogue().version()).append('\n')
                .append("parameters=").append(parametersFingerprint).append('\n')
                .append("disabled=").append(disabledBuiltins).append('\n');
        tenantPolicies.forEach(stored -> content.append("policy=").append(stored.policy()).append('\n'));
        return builtins.version() + "+" + sha256(content.toString()).substring(0, 12);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
