package io.dharma.orchestrator.decision;

import io.dharma.events.ApprovalMode;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Environment;
import io.dharma.events.GuardrailOutcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Everything the decision about one blueprint version depends on: what the submission asks for
 * and the three verdicts. Built from the joined state once all four inputs are in.
 */
public record Verdicts(Environment environment, ApprovalMode approval, Iac iac, Guardrails guardrails, Cost cost) {

    public Verdicts {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(iac, "iac");
        Objects.requireNonNull(guardrails, "guardrails");
        Objects.requireNonNull(cost, "cost");
    }

    /**
     * @param generated true for IacGenerated, false for IacGenerationFailed
     * @param failure why generation failed (null when generated)
     */
    public record Iac(boolean generated, String failure) {

        public static Iac generatedOk() {
            return new Iac(true, null);
        }

        public static Iac failed(String failure) {
            return new Iac(false, Objects.requireNonNull(failure, "failure"));
        }
    }

    /** @param blocks the BLOCK violations; @param warnings how many WARN violations there are */
    public record Guardrails(GuardrailOutcome outcome, List<Violation> blocks, int warnings) {

        public Guardrails {
            Objects.requireNonNull(outcome, "outcome");
            blocks = List.copyOf(blocks);
        }
    }

    /** One blocking guardrail violation as the approver or the user needs to see it. */
    public record Violation(String policyId, String message) {
    }

    /** @param budget the declared budget, null with NO_BUDGET */
    public record Cost(BudgetStatus budgetStatus, BigDecimal totalMonthly, BigDecimal budget, String currency) {

        public Cost {
            Objects.requireNonNull(budgetStatus, "budgetStatus");
            Objects.requireNonNull(totalMonthly, "totalMonthly");
            Objects.requireNonNull(currency, "currency");
        }
    }
}
