package io.dharma.guardrails.evaluation;

/** The overall verdict on one blueprint version. */
public enum Outcome {
    /** No policy is violated. */
    PASSED,
    /** Only policies with enforcement {@code warn} are violated. */
    PASSED_WITH_WARNINGS,
    /** At least one policy with enforcement {@code block} is violated. */
    BLOCKED
}
