package io.dharma.orchestrator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.ApprovalMode;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Environment;
import io.dharma.events.GuardrailOutcome;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionRulesTest {

    private static final Verdicts.Violation ENCRYPTION = new Verdicts.Violation("storage.encryption", "Encryption (resource files): off");
    private static final Verdicts.Violation PUBLIC_DB = new Verdicts.Violation("db.public", "Public database (resource db): reachable");

    /** Every combination of the three verdicts, the approval mode and the environment. */
    static Stream<Arguments> everyCombination() {
        List<Arguments> all = new ArrayList<>();
        for (boolean iacOk : new boolean[] {true, false}) {
            for (GuardrailOutcome outcome : GuardrailOutcome.values()) {
                for (BudgetStatus budget : BudgetStatus.values()) {
                    for (ApprovalMode approval : ApprovalMode.values()) {
                        for (Environment environment : Environment.values()) {
                            all.add(Arguments.of(iacOk, outcome, budget, approval, environment));
                        }
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "iac ok {0}, guardrails {1}, budget {2}, approval {3}, {4}")
    @MethodSource("everyCombination")
    void decidesEveryCombination(boolean iacOk, GuardrailOutcome outcome, BudgetStatus budget, ApprovalMode approval,
            Environment environment) {
        Decision decision = DecisionRules.decide(verdicts(iacOk, outcome, budget, approval, environment));

        List<BlockReasonKind> expectedBlocks = new ArrayList<>();
        if (!iacOk) {
            expectedBlocks.add(BlockReasonKind.IAC_GENERATION_FAILED);
        }
        if (outcome == GuardrailOutcome.BLOCKED) {
            expectedBlocks.add(BlockReasonKind.GUARDRAILS);
            expectedBlocks.add(BlockReasonKind.GUARDRAILS);
        }
        if (budget == BudgetStatus.OVER) {
            expectedBlocks.add(BlockReasonKind.OVER_BUDGET);
        }
        boolean approvalNeeded = approval == ApprovalMode.REQUIRED || environment == Environment.PROD;

        if (!expectedBlocks.isEmpty()) {
            assertThat(decision).isInstanceOfSatisfying(Decision.Blocked.class, blocked ->
                    assertThat(blocked.reasons()).extracting(Decision.Reason::kind).containsExactlyElementsOf(expectedBlocks));
        } else if (approvalNeeded) {
            assertThat(decision).isInstanceOf(Decision.AwaitingApproval.class);
        } else {
            assertThat(decision).isInstanceOfSatisfying(Decision.AutoApproved.class,
                    approved -> assertThat(approved.comment()).startsWith("auto-approved"));
        }
    }

    @Test
    void blockedNamesEveryReason() {
        Decision decision = DecisionRules.decide(verdicts(false, GuardrailOutcome.BLOCKED, BudgetStatus.OVER,
                ApprovalMode.AUTO, Environment.DEV));

        assertThat(decision).isInstanceOfSatisfying(Decision.Blocked.class, blocked -> {
            assertThat(blocked.reasons()).extracting(Decision.Reason::message).containsExactly(
                    "Terraform could not be generated: provider block missing",
                    "Encryption (resource files): off",
                    "Public database (resource db): reachable",
                    "estimated monthly cost 612.5000 USD exceeds the budget of 500.0000 USD");
            assertThat(blocked.reasons()).extracting(Decision.Reason::policyId)
                    .containsExactly(null, "storage.encryption", "db.public", null);
        });
    }

    @Test
    void blockedOutcomeWithoutListedViolationsStillBlocks() {
        Verdicts verdicts = new Verdicts(Environment.DEV, ApprovalMode.AUTO, Verdicts.Iac.generatedOk(),
                new Verdicts.Guardrails(GuardrailOutcome.BLOCKED, List.of(), 0), cost(BudgetStatus.WITHIN));

        assertThat(DecisionRules.decide(verdicts)).isInstanceOfSatisfying(Decision.Blocked.class, blocked ->
                assertThat(blocked.reasons()).extracting(Decision.Reason::kind).containsExactly(BlockReasonKind.GUARDRAILS));
    }

    @Test
    void approvalReasonSaysWhy() {
        assertThat(reason(ApprovalMode.REQUIRED, Environment.DEV)).isEqualTo("blueprint requires approval");
        assertThat(reason(ApprovalMode.AUTO, Environment.PROD)).isEqualTo("prod environment requires approval");
        assertThat(reason(ApprovalMode.REQUIRED, Environment.PROD))
                .isEqualTo("blueprint requires approval; prod environment requires approval");
    }

    @Test
    void approverSeesEstimateAndWarnings() {
        Verdicts verdicts = new Verdicts(Environment.PROD, ApprovalMode.AUTO, Verdicts.Iac.generatedOk(),
                new Verdicts.Guardrails(GuardrailOutcome.PASSED_WITH_WARNINGS, List.of(), 3), cost(BudgetStatus.NO_BUDGET));

        assertThat(DecisionRules.decide(verdicts)).isEqualTo(new Decision.AwaitingApproval(
                "prod environment requires approval", new BigDecimal("612.5000"), "USD", 3));
    }

    @Test
    void warningsAloneDoNotNeedApproval() {
        Verdicts verdicts = new Verdicts(Environment.STAGING, ApprovalMode.AUTO, Verdicts.Iac.generatedOk(),
                new Verdicts.Guardrails(GuardrailOutcome.PASSED_WITH_WARNINGS, List.of(), 2), cost(BudgetStatus.WITHIN));

        assertThat(DecisionRules.decide(verdicts)).isInstanceOf(Decision.AutoApproved.class);
    }

    private static String reason(ApprovalMode approval, Environment environment) {
        Decision decision = DecisionRules.decide(verdicts(true, GuardrailOutcome.PASSED, BudgetStatus.WITHIN, approval, environment));
        return ((Decision.AwaitingApproval) decision).reason();
    }

    private static Verdicts verdicts(boolean iacOk, GuardrailOutcome outcome, BudgetStatus budget, ApprovalMode approval,
            Environment environment) {
        Verdicts.Iac iac = iacOk ? Verdicts.Iac.generatedOk() : Verdicts.Iac.failed("provider block missing");
        List<Verdicts.Violation> blocks = outcome == GuardrailOutcome.BLOCKED ? List.of(ENCRYPTION, PUBLIC_DB) : List.of();
        int warnings = outcome == GuardrailOutcome.PASSED ? 0 : 1;
        return new Verdicts(environment, approval, iac, new Verdicts.Guardrails(outcome, blocks, warnings), cost(budget));
    }

    private static Verdicts.Cost cost(BudgetStatus status) {
        return new Verdicts.Cost(status, new BigDecimal("612.5000"),
                status == BudgetStatus.NO_BUDGET ? null : new BigDecimal("500.0000"), "USD");
    }
}
