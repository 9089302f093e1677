package io.dharma.guardrails.evaluation;

import io.dharma.guardrails.policy.Enforcement;
import io.dharma.guardrails.policy.Severity;
import java.util.Optional;

/**
 * One policy a blueprint version does not satisfy.
 *
 * @param resourceName the resource in violation; empty for a blueprint-level policy
 */
public record Violation(
        String policyId,
        String title,
        Severity severity,
        Enforcement enforcement,
        Optional<String> resourceName,
        String message,
        Optional<String> remediation) {
}
