package io.dharma.orchestrator.decision;

import io.dharma.events.ApprovalMode;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Environment;
import io.dharma.events.GuardrailOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The approval gate: blocked if any verdict forbids the deployment (every reason is listed),
 * otherwise awaiting approval if the blueprint asks for it or targets prod, otherwise approved
 * by the platform. Pure: the same verdicts always give the same decision.
 */
public final class DecisionRules {

    public static final String SYSTEM_APPROVER = "system";

    private DecisionRules() {
    }

    public static Decision decide(Verdicts verdicts) {
        List<Decision.Reason> blocks = blockReasons(verdicts);
        if (!blocks.isEmpty()) {
            return new Decision.Blocked(blocks);
        }
        List<String> approvalReasons = new ArrayList<>(2);
        if (verdicts.approval() == ApprovalMode.REQUIRED) {
            approvalReasons.add("blueprint requires approval");
        }
        if (verdicts.environment() == Environment.PROD) {
            approvalReasons.add("prod environment requires approval");
        }
        if (!approvalReasons.isEmpty()) {
            return new Decision.AwaitingApproval(String.join("; ", approvalReasons),
                    verdicts.cost().totalMonthly(), verdicts.cost().currency(), verdicts.guardrails().warnings());
        }
        return new Decision.AutoApproved("auto-approved: no approval required for " + environmentName(verdicts));
    }

    private static List<Decision.Reason> blockReasons(Verdicts verdicts) {
        List<Decision.Reason> reasons = new ArrayList<>();
        if (!verdicts.iac().generated()) {
            reasons.add(new Decision.Reason(BlockReasonKind.IAC_GENERATION_FAILED,
                    "Terraform could not be generated: " + verdicts.iac().failure(), null));
        }
        Verdicts.Guardrails guardrails = verdicts.guardrails();
        if (guardrails.outcome() == GuardrailOutcome.BLOCKED) {
            if (guardrails.blocks().isEmpty()) {
                reasons.add(new Decision.Reason(BlockReasonKind.GUARDRAILS, "guardrails blocked the blueprint", null));
            }
            guardrails.blocks().forEach(violation -> reasons.add(new Decision.Reason(
                    BlockReasonKind.GUARDRAILS, violation.message(), violation.policyId())));
        }
        Verdicts.Cost cost = verdicts.cost();
        if (cost.budgetStatus() == BudgetStatus.OVER) {
            reasons.add(new Decision.Reason(BlockReasonKind.OVER_BUDGET, "estimated monthly cost "
                    + cost.totalMonthly().toPlainString() + " " + cost.currency() + " exceeds the budget of "
                    + (cost.budget() == null ? "?" : cost.budget().toPlainString()) + " " + cost.currency(), null));
        }
        return reasons;
    }

    private static String environmentName(Verdicts verdicts) {
        return verdicts.environment().name().toLowerCase(Locale.ROOT) + " environment";
    }
}
