package io.dharma.guardrails.api;

import io.dharma.guardrails.cel.CompilationError;
import io.dharma.guardrails.cel.CompiledPolicy;
import io.dharma.guardrails.cel.ExpressionCost;
import io.dharma.guardrails.cel.PolicyCompilationException;
import io.dharma.guardrails.cel.PolicyCompiler;
import io.dharma.guardrails.policy.FieldError;
import io.dharma.guardrails.policy.InvalidPolicyException;
import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.policy.PolicyDocument;
import io.dharma.guardrails.policy.PolicyValidator;
import io.dharma.guardrails.policyset.BuiltinPolicies;
import io.dharma.guardrails.store.PolicyQuota;
import io.dharma.guardrails.store.StoredPolicy;
import io.dharma.guardrails.store.TenantPolicyStore;
import io.dharma.events.SecurityEventKind;
import io.dharma.security.SecurityAction;
import io.dharma.security.SecurityEvents;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;
import io.dharma.web.ApiException;
import io.dharma.web.Caller;
import io.dharma.web.quota.Quotas;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the policies API does for a tenant: built-ins can be listed, read, disabled and enabled,
 * except mandatory built-ins, which no caller can disable, replace or delete ({@code policy.mandatory});
 * the tenant's own policies can also be created, replaced and deleted. A policy is stored only
 * after its fields are valid and its expressions compile against the catalogue.
 */
public class PolicyService {

    private final BuiltinPolicies builtins;
    private final TenantPolicyStore store;
    private final PolicyValidator validator;
    private final PolicyCompiler compiler;
    private final SecurityEvents events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Quotas quotas;
    private final PolicyQuota policyQuota;

    public PolicyService(BuiltinPolicies builtins, TenantPolicyStore store, PolicyValidator validator,
            PolicyCompiler compiler, SecurityEvents events, TransactionTemplate transactions, Clock clock,
            Quotas quotas, PolicyQuota policyQuota) {
        this.builtins = builtins;
        this.store = store;
        this.validator = validator;
        this.compiler = compiler;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.quotas = quotas;
        this.policyQuota = policyQuota;
    }

    /** Built-ins in library order, then the tenant's own by id. */
    public List<PolicyEntry> list(String tenant) {
        Set<String> disabled = store.disabledBuiltins(tenant);
        List<PolicyEntry> entries = new ArrayList<>();
        for (CompiledPolicy builtin : builtins.all()) {
            String id = builtin.policy().id();
            entries.add(PolicyEntry.builtin(builtin.policy(), builtins.isMandatory(id), !disabled.contains(id)));
        }
        store.tenantPolicies(tenant).forEach(stored -> entries.add(PolicyEntry.tenant(stored)));
        return entries;
    }

    public PolicyEntry get(String tenant, String id) {
        if (builtins.contains(id)) {
            return PolicyEntry.builtin(builtins.find(id).orElseThrow().policy(), builtins.isMandatory(id),
                    !store.disabledBuiltins(tenant).contains(id));
        }
        return store.tenantPolicy(tenant, id).map(PolicyEntry::tenant).orElseThrow(() -> notFound(id));
    }

    public PolicyEntry create(Caller caller, PolicyDocument document) {
        Policy policy = checked(document);
        if (builtins.contains(policy.id())) {
            throw new ApiException(GuardrailsApiError.POLICY_ALREADY_EXISTS,
                    "'" + policy.id() + "' is the id of a built-in policy; choose another id", Map.of("policyId", policy.id()));
        }
        return audited(caller, SecurityEventKind.POLICY_CREATED, policy.id(), () -> insertWithinQuota(caller, policy)
                .map(PolicyEntry::tenant)
                .orElseThrow(() -> new ApiException(GuardrailsApiError.POLICY_ALREADY_EXISTS,
                        "policy '" + policy.id() + "' already exists; replace it with PUT /api/v1/policies/" + policy.id(),
                        Map.of("policyId", policy.id()))));
    }

    /** Replaces a tenant policy's definition; the id comes from the path (a different id in the body is an error). */
    public PolicyEntry update(Caller caller, String id, PolicyDocument document) {
        requireNotBuiltin(id, "edited");
        if (document.id() != null && !document.id().equals(id)) {
            throw invalid(List.of(new FieldError("id", "is '" + document.id() + "' but the path names '" + id
                    + "'; a policy's id cannot change (create a new policy instead)")));
        }
        Policy policy = checked(document.withId(id));
        return audited(caller, SecurityEventKind.POLICY_CHANGED, id, () -> store.update(caller.tenant(), policy,
                caller.user(), now())
                .map(PolicyEntry::tenant)
                .orElseThrow(() -> notFound(id)));
    }

    public PolicyEntry setEnabled(Caller caller, String id, boolean enabled) {
        return audited(caller, enabled ? SecurityEventKind.POLICY_ENABLED : SecurityEventKind.POLICY_DISABLED, id,
                () -> changeEnabled(caller, id, enabled));
    }

    private PolicyEntry changeEnabled(Caller caller, String id, boolean enabled) {
        if (builtins.contains(id)) {
            if (enabled) {
                store.enableBuiltin(caller.tenant(), id);
            } else {
                requireNotMandatory(id, "disabled");
                store.disableBuiltin(caller.tenant(), id, caller.user(), now());
            }
            return PolicyEntry.builtin(builtins.find(id).orElseThrow().policy(), builtins.isMandatory(id), enabled);
        }
        return store.setEnabled(caller.tenant(), id, enabled, caller.user(), now())
                .map(PolicyEntry::tenant)
                .orElseThrow(() -> notFound(id));
    }

    public void delete(Caller caller, String id) {
        requireNotBuiltin(id, "deleted");
        audited(caller, SecurityEventKind.POLICY_DELETED, id, () -> {
            if (!store.delete(caller.tenant(), id)) {
                throw notFound(id);
            }
            return id;
        });
    }

    /** Runs a change and records it as a security event in the same database transaction. */
    /** Counted in the transaction that inserts, so a refusal stores nothing. */
    private Optional<StoredPolicy> insertWithinQuota(Caller caller, Policy policy) {
        quotas.requireRoom(policyQuota, caller.tenant());
        return store.insert(caller.tenant(), policy, caller.user(), now());
    }

    private <T> T audited(Caller caller, SecurityEventKind kind, String policyId, Supplier<T> change) {
        return transactions.execute(status -> {
            T result = change.get();
            events.record(SecurityAction.by(caller, kind, caller.tenant(), policyId)
                    .with("builtin", String.valueOf(builtins.contains(policyId))));
            return result;
        });
    }

    private Policy checked(PolicyDocument document) {
        Objects.requireNonNull(document, "document");
        Policy policy;
        try {
            policy = validator.validate(document);
        } catch (InvalidPolicyException e) {
            throw invalid(e.errors());
        }
        try {
            compiler.compile(policy);
        } catch (PolicyCompilationException e) {
            throw new ApiException(GuardrailsApiError.INVALID_EXPRESSION, e.getMessage(),
                    Map.of("errors", e.errors().stream().map(PolicyService::describe).toList()));
        }
        long cost = compiler.estimatedCost(policy);
        if (cost > PolicyCompiler.MAX_ESTIMATED_COST) {
            throw new ApiException(GuardrailsApiError.POLICY_TOO_COSTLY, "one evaluation of this policy is estimated at "
                    + cost + " steps; the limit is " + PolicyCompiler.MAX_ESTIMATED_COST + " (nested all/exists/map/filter over lists multiply:"
                    + " a list that is not a literal counts as " + ExpressionCost.UNKNOWN_RANGE + " items)",
                    Map.of("estimatedCost", cost, "limit", PolicyCompiler.MAX_ESTIMATED_COST));
        }
        return policy;
    }

    private void requireNotBuiltin(String id, String change) {
        requireNotMandatory(id, change);
        if (builtins.contains(id)) {
            throw new ApiException(GuardrailsApiError.BUILTIN_POLICY_READ_ONLY, "'" + id + "' is a built-in policy and cannot be "
                    + change + "; disable it with POST /api/v1/policies/" + id + "/disable, or create your own policy",
                    Map.of("policyId", id));
        }
    }

    /** Mandatory built-ins hold for every tenant; no caller, whatever its roles, can switch one off. */
    private void requireNotMandatory(String id, String change) {
        if (builtins.isMandatory(id)) {
            throw new ApiException(GuardrailsApiError.POLICY_MANDATORY, "'" + id + "' is a mandatory built-in policy and cannot be "
                    + change + " by any tenant; fix the resources it reports instead, or ask the platform team"
                    + " if you believe it is wrong", Map.of("policyId", id));
        }
    }

    private static ApiException invalid(List<FieldError> errors) {
        String detail = String.join("; ", errors.stream().map(e -> e.field() + " " + e.message()).toList());
        return new ApiException(GuardrailsApiError.INVALID_POLICY, detail,
                Map.of("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList()));
    }

    private static ApiException notFound(String id) {
        return new ApiException(GuardrailsApiError.POLICY_NOT_FOUND, "no policy '" + id + "'", Map.of("policyId", id));
    }

    private static Map<String, Object> describe(CompilationError error) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("field", error.field());
        error.resourceType().ifPresent(type -> described.put("resourceType", type));
        if (error.line() > 0) {
            described.put("line", error.line());
            described.put("column", error.column());
        }
        described.put("message", error.message());
        return described;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
