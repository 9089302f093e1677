package io.dharma.orchestrator.join;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.Enforcement;
import io.dharma.events.Envelope;
import io.dharma.events.GenerationError;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.IacGenerationFailed;
import io.dharma.events.PolicyViolation;
import io.dharma.events.TerraformResource;
import io.dharma.executor.GeneratedTerraform;
import io.dharma.kafka.processing.UnprocessableEventException;
import io.dharma.orchestrator.decision.Verdicts;
import io.dharma.orchestrator.deployment.DeploymentDecisions;
import io.dharma.orchestrator.state.BlueprintRow;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.JoinedVersion;
import io.dharma.orchestrator.state.ReceivedEvents;
import io.dharma.orchestrator.state.VersionState;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joins a blueprint version's submission and its three verdicts, which arrive on four topics in
 * any order, in PostgreSQL. Each input is applied in one database transaction that records its
 * eventId (a repeat changes nothing), locks the blueprint, fills the version's slot, supersedes
 * older versions that are still waiting when the input is the first sign of a newer version, and
 * opens the deployment once all four are in. The first event of each kind for a version counts;
 * a second, different one (say, the generator ran again) is recorded and ignored, as is anything
 * arriving for a version already decided or superseded.
 */
public class VerdictJoin {

    private static final Logger log = LoggerFactory.getLogger(VerdictJoin.class);

    private final TransactionTemplate transactions;
    private final ReceivedEvents received;
    private final BlueprintJoinStore blueprints;
    private final DeploymentDecisions decisions;
    private final Clock clock;

    public VerdictJoin(TransactionTemplate transactions, ReceivedEvents received, BlueprintJoinStore blueprints,
            DeploymentDecisions decisions, Clock clock) {
        this.transactions = transactions;
        this.received = received;
        this.blueprints = blueprints;
        this.decisions = decisions;
        this.clock = clock;
    }

    public void submitted(BlueprintSubmitted event, String topic) {
        Blueprint blueprint = BlueprintEvents.blueprintOf(event);
        JoinedVersion.Submission submission = new JoinedVersion.Submission(event.getName(), event.getEnvironment(),
                event.getApproval(), blueprint.spec().cloud().id(), event.getRegion(),
                event.getBudget() == null ? null : event.getBudget().getMonthlyUsd(), blueprint.canonicalJson(),
                event.getSubmittedBy());
        apply(event.getEnvelope(), topic, "BlueprintSubmitted",
                (id, version, eventId, now) -> blueprints.recordSubmission(id, version, eventId, submission, now));
    }

    public void iac(IacEvent event, String topic) {
        switch (event.getPayload()) {
            case IacGenerated generated -> apply(event.getEnvelope(), topic, "IacGenerated",
                    (id, version, eventId, now) -> blueprints.recordIac(id, version, eventId, Verdicts.Iac.generatedOk(),
                            terraformOf(generated), now));
            case IacGenerationFailed failed -> apply(event.getEnvelope(), topic, "IacGenerationFailed",
                    (id, version, eventId, now) -> blueprints.recordIac(id, version, eventId,
                            Verdicts.Iac.failed(failure(failed)), null, now));
            default -> throw new UnprocessableEventException("unknown IacEvent payload "
                    + event.getPayload().getClass().getName());
        }
    }

    public void guardrails(GuardrailsEvaluated event, String topic) {
        Verdicts.Guardrails verdict = new Verdicts.Guardrails(event.getOutcome(),
                event.getViolations().stream()
                        .filter(violation -> violation.getEnforcement() == Enforcement.BLOCK)
                        .map(violation -> new Verdicts.Violation(violation.getPolicyId(), describe(violation)))
                        .toList(),
                (int) event.getViolations().stream().filter(violation -> violation.getEnforcement() == Enforcement.WARN).count());
        apply(event.getEnvelope(), topic, "GuardrailsEvaluated",
                (id, version, eventId, now) -> blueprints.recordGuardrails(id, version, eventId, verdict, now));
    }

    public void cost(CostEstimated event, String topic) {
        Verdicts.Cost verdict = new Verdicts.Cost(event.getBudgetStatus(), event.getTotalMonthly(), event.getBudget(),
                event.getCurrency());
        apply(event.getEnvelope(), topic, "CostEstimated",
                (id, version, eventId, now) -> blueprints.recordCost(id, version, eventId, verdict, now));
    }

    private void apply(Envelope envelope, String topic, String eventType, SlotWriter slot) {
        String blueprintId = envelope.getBlueprintId();
        int version = envelope.getBlueprintVersion();
        UUID eventId = envelope.getEventId();
        if (version < 1) {
            throw new UnprocessableEventException(eventType + " " + eventId + " has blueprintVersion " + version);
        }
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (!received.record(eventId, topic, eventType, blueprintId, version, now)) {
                log.info("{} {} was applied before; ignoring the repeat", eventType, eventId);
                return;
            }
            BlueprintRow blueprint = blueprints.lockOrCreate(blueprintId, envelope.getTenantId(), version, now);
            if (!blueprint.tenantId().equals(envelope.getTenantId())) {
                throw new UnprocessableEventException(eventType + " " + eventId + " says blueprint " + blueprintId
                        + " belongs to tenant " + envelope.getTenantId() + ", but it belongs to " + blueprint.tenantId());
            }
            blueprints.ensureVersion(blueprintId, version, envelope.getTenantId(), envelope.getTrackingId(), now);
            if (!slot.fill(blueprintId, version, eventId, now)) {
                log.info("Version {} of {} already has a {} verdict; {} recorded and ignored", version, blueprintId,
                        eventType, eventId);
            }
            if (version > blueprint.latestVersion()) {
                blueprints.raiseLatestVersion(blueprintId, version, now);
                decisions.supersede(blueprint, version - 1, eventId, "version " + version + " was submitted");
                blueprint = new BlueprintRow(blueprintId, blueprint.tenantId(), version, blueprint.destroyedThrough());
            }
            JoinedVersion joined = blueprints.version(blueprintId, version).orElseThrow();
            if (joined.state() != VersionState.JOINING) {
                log.info("{} {} arrived after version {} of {} was {}; recorded, nothing changes", eventType, eventId,
                        version, blueprintId, joined.state());
            } else if (!blueprint.isCurrent(version)) {
                // The first sign of an old version after a newer one (or a destroy): it never deploys.
                decisions.supersedeVersion(joined, eventId, blueprint.latestVersion() > version
                        ? "version " + blueprint.latestVersion() + " is newer"
                        : "a destroy of the blueprint was requested after it");
            } else if (joined.isComplete()) {
                decisions.open(joined, eventId);
            }
        });
    }

    private static GeneratedTerraform terraformOf(IacGenerated generated) {
        return new GeneratedTerraform(generated.getContentHash(),
                generated.getFiles().stream().map(file -> new GeneratedTerraform.File(file.getPath(), file.getContent())).toList(),
                generated.getResources().stream().collect(Collectors.toMap(TerraformResource::getAddress,
                        TerraformResource::getResourceName, (first, second) -> first)));
    }

    private static String describe(PolicyViolation violation) {
        String where = violation.getResourceName() == null ? "" : " (resource " + violation.getResourceName() + ")";
        return violation.getTitle() + where + ": " + violation.getMessage();
    }

    private static String failure(IacGenerationFailed failed) {
        if (failed.getErrors().isEmpty()) {
            return failed.getReason();
        }
        return failed.getReason() + " (" + failed.getErrors().stream().map(VerdictJoin::describe)
                .collect(Collectors.joining("; ")) + ")";
    }

    private static String describe(GenerationError error) {
        return error.getResourceName() == null ? error.getMessage() : error.getResourceName() + ": " + error.getMessage();
    }

    @FunctionalInterface
    private interface SlotWriter {
        boolean fill(String blueprintId, int version, UUID eventId, OffsetDateTime now);
    }
}
