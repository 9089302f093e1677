package io.dharma.guardrails;

import io.dharma.guardrails.policy.Enforcement;
import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.policy.Severity;
import java.util.List;
import java.util.Optional;

/** Policies for tests that are not about a particular built-in. */
public final class TestPolicies {

    private TestPolicies() {
    }

    public static Policy resourcePolicy(String expression, String... resourceTypes) {
        return new Policy("test.policy", "Test policy", Severity.HIGH, Enforcement.BLOCK, List.of(resourceTypes),
                expression, Optional.empty(), "${resource.name} breaks the test policy", Optional.of("fix it"));
    }

    public static Policy blueprintPolicy(String expression) {
        return new Policy("test.blueprint-policy", "Test blueprint policy", Severity.LOW, Enforcement.WARN, List.of(),
                expression, Optional.empty(), "${blueprint.name} breaks the test policy", Optional.empty());
    }

    public static Policy withMessageExpression(Policy policy, String messageExpression) {
        return new Policy(policy.id(), policy.title(), policy.severity(), policy.enforcement(), policy.resourceTypes(),
                policy.expression(), Optional.of(messageExpression), policy.message(), policy.remediation());
    }
}
