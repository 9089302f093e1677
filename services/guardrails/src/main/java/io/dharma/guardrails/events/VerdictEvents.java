package io.dharma.guardrails.events;

import io.dharma.events.Envelope;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.PolicyViolation;
import io.dharma.guardrails.evaluation.Verdict;
import io.dharma.guardrails.evaluation.Violation;

/** The {@code GuardrailsEvaluated} event of a verdict. */
public final class VerdictEvents {

    private VerdictEvents() {
    }

    public static GuardrailsEvaluated of(Envelope envelope, Verdict verdict, String policySetVersion) {
        return GuardrailsEvaluated.newBuilder()
                .setEnvelope(envelope)
                .setOutcome(GuardrailOutcome.valueOf(verdict.outcome().name()))
                .setViolations(verdict.violations().stream().map(VerdictEvents::violation).toList())
                .setPoliciesEvaluated(verdict.policiesEvaluated())
                .setPolicySetVersion(policySetVersion)
                .build();
    }

    private static PolicyViolation violation(Violation violation) {
        return PolicyViolation.newBuilder()
                .setPolicyId(violation.policyId())
                .setTitle(violation.title())
                .setSeverity(io.dharma.events.Severity.valueOf(violation.severity().name()))
                .setEnforcement(io.dharma.events.Enforcement.valueOf(violation.enforcement().name()))
                .setResourceName(violation.resourceName().orElse(null))
                .setMessage(violation.message())
                .setRemediation(violation.remediation().orElse(null))
                .build();
    }
}
