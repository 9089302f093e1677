package io.dharma.guardrails.evaluation;

import io.dharma.blueprint.Blueprint;
import io.dharma.guardrails.policyset.PolicySet;
import io.dharma.guardrails.policyset.PolicySets;
import java.time.Instant;
import java.util.Objects;

/**
 * A blueprint evaluated against its tenant's policy set (the built-ins it has not disabled and its
 * own enabled policies): the one step behind both the reaction to {@code BlueprintSubmitted} and
 * the dry run's {@code POST /api/v1/policies/evaluate} (ADR 0026), so both reach the same verdict.
 */
public final class TenantEvaluation {

    /** A verdict and the version of the policy set that gave it. */
    public record Result(Verdict verdict, String policySetVersion) {
    }

    private final PolicySets policySets;
    private final PolicyEvaluator evaluator;

    public TenantEvaluation(PolicySets policySets, PolicyEvaluator evaluator) {
        this.policySets = Objects.requireNonNull(policySets, "policySets");
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /** @param now what the policies see as {@code now}: a submission's time, or the time of a dry run */
    public Result evaluate(String tenant, Blueprint blueprint, Instant now) {
        PolicySet policySet = policySets.forTenant(tenant);
        return new Result(evaluator.evaluate(blueprint, policySet.policies(), now), policySet.version());
    }
}
