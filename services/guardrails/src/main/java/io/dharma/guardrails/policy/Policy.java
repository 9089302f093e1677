package io.dharma.guardrails.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A guardrail policy as data.
 *
 * <p>{@code expression} is CEL that returns {@code true} when the subject <em>complies</em>
 * (the convention of Kubernetes ValidatingAdmissionPolicy). A policy with {@code resourceTypes}
 * is evaluated once per resource of those types, with the variables {@code resource},
 * {@code blueprint}, {@code params} and {@code now}; {@code "*"} stands for every catalogue type.
 * A policy with no resource types is blueprint-level: evaluated once, without {@code resource}.
 *
 * <p>{@code message} may name the subject through placeholders ({@link MessageTemplate});
 * {@code messageExpression}, when present, is CEL returning the message as a string and wins
 * over {@code message} whenever it evaluates.
 */
public record Policy(
        String id,
        String title,
        Severity severity,
        Enforcement enforcement,
        List<String> resourceTypes,
        String expression,
        Optional<String> messageExpression,
        String message,
        Optional<String> remediation) {

    public static final String EVERY_RESOURCE_TYPE = "*";

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(enforcement, "enforcement");
        resourceTypes = List.copyOf(resourceTypes);
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(messageExpression, "messageExpression");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
    }

    /** True when the policy is evaluated once per blueprint rather than per resource. */
    public boolean blueprintLevel() {
        return resourceTypes.isEmpty();
    }
}
