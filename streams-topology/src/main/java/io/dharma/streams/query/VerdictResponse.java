package io.dharma.streams.query;

import java.time.Instant;
import java.util.List;

import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.PolicyViolation;

/** The guardrails' verdict on one blueprint version, with every violation. */
public record VerdictResponse(String blueprintId, int version, String outcome, int policiesEvaluated,
        String policySetVersion, List<Violation> violations, Instant evaluatedAt, String eventId) {

    public record Violation(String policyId, String title, String severity, String enforcement, String resourceName,
            String message, String remediation) {

        static Violation of(PolicyViolation violation) {
            return new Violation(violation.getPolicyId(), violation.getTitle(), violation.getSeverity().name(),
                    violation.getEnforcement().name(), violation.getResourceName(), violation.getMessage(),
                    violation.getRemediation());
        }
    }

    static VerdictResponse of(GuardrailsEvaluated event) {
        return new VerdictResponse(event.getEnvelope().getBlueprintId(), event.getEnvelope().getBlueprintVersion(),
                event.getOutcome().name(), event.getPoliciesEvaluated(), event.getPolicySetVersion(),
                event.getViolations().stream().map(Violation::of).toList(), event.getEnvelope().getOccurredAt(),
                String.valueOf(event.getEnvelope().getEventId()));
    }
}
