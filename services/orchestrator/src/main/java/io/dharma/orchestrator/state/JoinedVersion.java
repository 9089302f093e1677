package io.dharma.orchestrator.state;

import io.dharma.events.ApprovalMode;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Environment;
import io.dharma.events.GuardrailOutcome;
import io.dharma.orchestrator.decision.Verdicts;
import io.dharma.orchestrator.events.Subject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The join of one blueprint version: the submission and the three verdicts, each null until its
 * event arrived.
 */
public record JoinedVersion(
        String blueprintId,
        int version,
        String tenantId,
        String trackingId,
        VersionState state,
        Submission submission,
        Verdicts.Iac iac,
        String iacContentHash,
        Verdicts.Guardrails guardrails,
        Verdicts.Cost cost,
        UUID deploymentId) {

    /**
     * What the decision and the deployment need from the BlueprintSubmitted event.
     *
     * @param submittedBy the authenticated principal that submitted the version; null when unknown
     */
    public record Submission(String name, Environment environment, ApprovalMode approval, String cloud, String region,
            BigDecimal budgetMonthly, String blueprintJson, String submittedBy) {
    }

    public boolean isComplete() {
        return submission != null && iac != null && guardrails != null && cost != null;
    }

    public Verdicts verdicts() {
        if (!isComplete()) {
            throw new IllegalStateException("version " + version + " of " + blueprintId + " still misses " + missing());
        }
        return new Verdicts(submission.environment(), submission.approval(), iac, guardrails, cost);
    }

    public List<String> missing() {
        return Stream.of(
                        submission == null ? "submission" : null,
                        iac == null ? "iac" : null,
                        guardrails == null ? "guardrails" : null,
                        cost == null ? "cost" : null)
                .filter(Objects::nonNull)
                .toList();
    }

    public Subject subject() {
        return new Subject(tenantId, trackingId, blueprintId, version);
    }

    static Verdicts.Guardrails guardrails(String outcome, List<Verdicts.Violation> blocks, Integer warnings) {
        return outcome == null ? null
                : new Verdicts.Guardrails(GuardrailOutcome.valueOf(outcome), blocks, warnings == null ? 0 : warnings);
    }

    static Verdicts.Cost cost(String status, BigDecimal total, BigDecimal budget, String currency) {
        return status == null ? null : new Verdicts.Cost(BudgetStatus.valueOf(status), total, budget, currency);
    }
}
