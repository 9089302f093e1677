package io.dharma.guardrails.evaluation;

import io.dharma.guardrails.policy.Enforcement;
import java.util.List;

/**
 * The result of evaluating a policy set against one blueprint version.
 *
 * @param violations every violation, in policy order, then in the blueprint's resource order
 * @param policiesEvaluated the number of policies in the set that was evaluated
 */
public record Verdict(Outcome outcome, List<Violation> violations, int policiesEvaluated) {

    public Verdict {
        violations = List.copyOf(violations);
    }

    public static Verdict of(List<Violation> violations, int policiesEvaluated) {
        Outcome outcome = violations.isEmpty() ? Outcome.PASSED
                : violations.stream().anyMatch(v -> v.enforcement() == Enforcement.BLOCK) ? Outcome.BLOCKED
                : Outcome.PASSED_WITH_WARNINGS;
        return new Verdict(outcome, violations, policiesEvaluated);
    }
}
