package io.dharma.guardrails.cel;

import java.util.Optional;

/**
 * One problem the CEL compiler found in a policy.
 *
 * @param field the policy field with the expression: {@code expression} or {@code messageExpression}
 * @param resourceType the resource type the expression was checked against; empty for a blueprint-level policy
 * @param line 1-based line in the expression, 0 when unknown
 * @param column 1-based column in the expression, 0 when unknown
 * @param message the compiler's message, for example {@code undefined field 'encryptd'}
 */
public record CompilationError(String field, Optional<String> resourceType, int line, int column, String message) {
}
