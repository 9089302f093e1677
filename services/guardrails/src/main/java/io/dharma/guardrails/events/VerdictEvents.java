package io.dharma.guardrails.events;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.PolicyViolation;
import io.dharma.guardrails.evaluation.TenantEvaluation;
import io.dharma.guardrails.evaluation.Verdict;
import io.dharma.guardrails.evaluation.Violation;
import io.dharma.kafka.processing.OnCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code GuardrailsEvaluated} event of a verdict, and the one that answers each submitted
 * blueprint version on {@code dharma.guardrails.v1} (ADR 0005). The verdict's eventId derives from
 * the input's, so reprocessing a duplicate emits the same id; {@code now} is the submission time,
 * so a replay reaches the same verdict.
 */
public final class VerdictEvents {

    public static final String PRODUCER = "guardrails";
    static final String REACTION = "evaluated";
    /**
     * Counter of verdicts, tagged {@code cloud} and {@code outcome} ({@code passed},
     * {@code passed_with_warnings}, {@code blocked}).
     */
    public static final String EVALUATED_METRIC = "dharma.guardrails.evaluations";

    private VerdictEvents() {
    }

    /** Evaluates each submitted blueprint version against its tenant's policy set. */
    public static Function<BlueprintSubmitted, GuardrailsEvaluated> answering(TenantEvaluation evaluation,
            ResourceCatalogue catalogue, MeterRegistry meters) {
        Envelopes envelopes = Envelopes.forProducer(PRODUCER);
        return submitted -> {
            Envelope cause = submitted.getEnvelope();
            Blueprint blueprint = SubmittedBlueprints.blueprintOf(submitted, catalogue);
            TenantEvaluation.Result result = evaluation.evaluate(cause.getTenantId(), blueprint, cause.getOccurredAt());
            Verdict verdict = result.verdict();
            Counter evaluated = Counter.builder(EVALUATED_METRIC).description("Guardrail verdicts on blueprint versions")
                    .tag("cloud", blueprint.spec().cloud().id())
                    .tag("outcome", verdict.outcome().name().toLowerCase(Locale.ROOT))
                    .register(meters);
            OnCommit.run("counting the guardrail verdict", evaluated::increment);
            return of(envelopes.reactingTo(cause, REACTION), verdict, result.policySetVersion());
        };
    }

    public static GuardrailsEvaluated of(Envelope envelope, Verdict verdict, String policySetVersion) {
        return GuardrailsEvaluated.newBuilder()
                .setEnvelope(envelope)
                .setOutcome(GuardrailOutcome.valueOf(verdict.outcome().name()))
                .setViolations(verdict.violations().stream().map(VerdictEvents::violation).toList())
                .setPoliciesEvaluated(verdict.policiesEvaluated())
                .setPolicySetVersion(policySetVersion)
                .build();
    }

    private static PolicyViolation violation(Violation violation) {
        return PolicyViolation.newBuilder()
                .setPolicyId(violation.policyId())
                .setTitle(violation.title())
                .setSeverity(io.dharma.events.Severity.valueOf(violation.severity().name()))
                .setEnforcement(io.dharma.events.Enforcement.valueOf(violation.enforcement().name()))
                .setResourceName(violation.resourceName().orElse(null))
                .setMessage(violation.message())
                .setRemediation(violation.remediation().orElse(null))
                .build();
    }
}
