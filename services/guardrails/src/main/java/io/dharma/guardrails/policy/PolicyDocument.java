package io.dharma.guardrails.policy;

import java.util.List;

/**
 * A policy as written, in the built-in library file or an API request: every field may be
 * missing or wrong until {@link PolicyValidator} turns it into a {@link Policy}.
 */
public record PolicyDocument(
        String id,
        String title,
        String severity,
        String enforcement,
        List<String> resourceTypes,
        String expression,
        String messageExpression,
        String message,
        String remediation) {

    public static PolicyDocument of(Policy policy) {
        return new PolicyDocument(policy.id(), policy.title(), policy.severity().id(), policy.enforcement().id(),
                policy.resourceTypes(), policy.expression(), policy.messageExpression().orElse(null),
                policy.message(), policy.remediation().orElse(null));
    }

    public PolicyDocument withId(String newId) {
        return new PolicyDocument(newId, title, severity, enforcement, resourceTypes, expression,
                messageExpression, message, remediation);
    }
}
