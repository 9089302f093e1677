package io.dharma.orchestrator.deployment;

import io.dharma.events.BlockReasonKind;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentOperation;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.orchestrator.decision.Decision;
import io.dharma.orchestrator.decision.DecisionRules;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.events.Payloads;
import io.dharma.orchestrator.events.Subject;
import io.dharma.orchestrator.state.BlueprintRow;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentQuota;
import io.dharma.orchestrator.state.DeploymentStatus;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.state.JoinedVersion;
import io.dharma.orchestrator.state.NewDeployment;
import io.dharma.orchestrator.state.VersionState;
import io.dharma.topics.DharmaTopic;
import io.dharma.web.quota.QuotaUsage;
import io.dharma.web.quota.Quotas;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Opens the deployment of a decided version and ends waiting ones that something newer
 * superseded. Runs in the caller's database transaction, which must hold the blueprint's row
 * lock; every event goes to the outbox in that same transaction, with an eventId derived from the
 * cause and the step, so doing a step again for the same cause stores nothing new.
 */
public class DeploymentDecisions {

    private final BlueprintJoinStore blueprints;
    private final DeploymentStore deployments;
    private final Outbox outbox;
    private final DeploymentEvents events;
    private final ExecutorChoice executor;
    private final Clock clock;
    private final Quotas quotas;
    private final DeploymentQuota deploymentQuota;

    public DeploymentDecisions(BlueprintJoinStore blueprints, DeploymentStore deployments, Outbox outbox,
            DeploymentEvents events, ExecutorChoice executor, Clock clock, Quotas quotas, DeploymentQuota deploymentQuota) {
        this.blueprints = blueprints;
        this.deployments = deployments;
        this.outbox = outbox;
        this.events = events;
        this.executor = executor;
        this.clock = clock;
        this.quotas = quotas;
        this.deploymentQuota = deploymentQuota;
    }

    /**
     * Decides a current version whose submission and verdicts are all in, and opens its deployment:
     * Requested, then Blocked or Approved (by {@value DecisionRules#SYSTEM_APPROVER}). One that needs
     * an approver is left REQUESTED and undecided: the worker plans it first and then asks for the
     * approval of that plan (see {@code DeploymentRunner}). A version the tenant has no room to
     * deploy (its deployments quota is full) is blocked.
     */
    public Decision open(JoinedVersion version, UUID causeEventId) {
        Decision decision = withinQuota(DecisionRules.decide(version.verdicts()), version.tenantId());
        UUID deploymentId = DeploymentIds.forVersion(version.blueprintId(), version.version());
        Subject subject = version.subject();
        String key = "decision:" + deploymentId + ":";
        DeploymentEvent requested = events.reactingTo(causeEventId, key + "requested", subject, deploymentId,
                Payloads.requested(DeploymentOperation.APPLY, version.iacContentHash(), executorOf(version), null));
        DeploymentEvent outcome;
        DeploymentStatus status;
        String reason = null;
        String decidedBy = null;
        String comment = null;
        switch (decision) {
            case Decision.Blocked blocked -> {
                outcome = events.reactingTo(causeEventId, key + "blocked", subject, deploymentId, Payloads.blocked(blocked.reasons()));
                status = DeploymentStatus.BLOCKED;
                reason = blocked.reasons().stream().map(r -> r.kind() + ": " + r.message()).collect(Collectors.joining("; "));
            }
            case Decision.AwaitingApproval awaiting -> {
                outcome = null;
                status = DeploymentStatus.REQUESTED;
                reason = awaiting.reason();
            }
            case Decision.AutoApproved approved -> {
                outcome = events.reactingTo(causeEventId, key + "approved", subject, deploymentId,
                        Payloads.approved(DecisionRules.SYSTEM_APPROVER, approved.comment()));
                status = DeploymentStatus.REQUESTED;
                decidedBy = DecisionRules.SYSTEM_APPROVER;
                comment = approved.comment();
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        deployments.insert(new NewDeployment(deploymentId, subject,
                new NewDeployment.Start(DeploymentOperation.APPLY, status, reason,
                        (outcome == null ? requested : outcome).getEnvelope().getEventId()),
                NewDeployment.Stack.of(version.submission()), iacOf(version),
                NewDeployment.People.decidedBy(decidedBy, comment)), now);
        outbox.append(DharmaTopic.DEPLOYMENTS, requested);
        if (outcome != null) {
            outbox.append(DharmaTopic.DEPLOYMENTS, outcome);
        }
        blueprints.markVersion(version.blueprintId(), version.version(), VersionState.DECIDED, deploymentId, now);
        return decision;
    }

    /**
     * Ends everything of the blueprint up to {@code throughVersion} that has not started: versions
     * still joining get a deployment that is at once superseded, and deployments awaiting approval
     * or waiting for the worker are superseded. Running ones finish; what came after runs next.
     */
    public void supersede(BlueprintRow blueprint, int throughVersion, UUID causeEventId, String why) {
        for (JoinedVersion version : blueprints.joiningBefore(blueprint.blueprintId(), throughVersion + 1)) {
            supersedeVersion(version, causeEventId, why);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Deployment waiting : deployments.waitingApplies(blueprint.blueprintId(), throughVersion)) {
            DeploymentEvent superseded = events.reactingTo(causeEventId, "supersede:" + waiting.deploymentId(),
                    waiting.subject(), waiting.deploymentId(), Payloads.superseded(why));
            if (deployments.decide(waiting.deploymentId(), waiting.status(), DeploymentStatus.SUPERSEDED,
                    Payloads.SUPERSEDED_PREFIX + why, null, null, superseded.getEnvelope().getEventId(), now)) {
                outbox.append(DharmaTopic.DEPLOYMENTS, superseded);
                blueprints.markVersion(waiting.blueprintId(), waiting.blueprintVersion(), VersionState.SUPERSEDED,
                        waiting.deploymentId(), now);
            }
        }
    }

    /**
     * Ends a version that is still joining because something newer came first: its deployment is
     * opened and at once superseded (Requested, then Blocked with a {@value Payloads#SUPERSEDED_PREFIX}
     * reason), so its tracking ends too.
     */
    public void supersedeVersion(JoinedVersion version, UUID causeEventId, String why) {
        UUID deploymentId = DeploymentIds.forVersion(version.blueprintId(), version.version());
        Subject subject = version.subject();
        String key = "supersede:" + deploymentId + ":";
        DeploymentEvent requested = events.reactingTo(causeEventId, key + "requested", subject, deploymentId,
                Payloads.requested(DeploymentOperation.APPLY, version.iacContentHash(), executorOf(version), null));
        DeploymentEvent superseded = events.reactingTo(causeEventId, key + "blocked", subject, deploymentId,
                Payloads.superseded(why));
        OffsetDateTime now = OffsetDateTime.now(clock);
        deployments.insert(new NewDeployment(deploymentId, subject,
                new NewDeployment.Start(DeploymentOperation.APPLY, DeploymentStatus.SUPERSEDED,
                        Payloads.SUPERSEDED_PREFIX + why, superseded.getEnvelope().getEventId()),
                NewDeployment.Stack.of(version.submission()), iacOf(version), NewDeployment.People.NONE), now);
        outbox.append(DharmaTopic.DEPLOYMENTS, requested);
        outbox.append(DharmaTopic.DEPLOYMENTS, superseded);
        blueprints.markVersion(version.blueprintId(), version.version(), VersionState.SUPERSEDED, deploymentId, now);
    }

    /**
     * No request waits for this decision, so a full quota cannot answer 403 as an API create does:
     * the version is blocked with a QUOTA_EXCEEDED reason (OTHER to readers of an older schema)
     * whose message names the same code, and its tracking ends there.
     */
    private Decision withinQuota(Decision decision, String tenant) {
        if (decision instanceof Decision.Blocked) {
            return decision;
        }
        QuotaUsage usage = quotas.usage(deploymentQuota, tenant);
        if (!usage.full()) {
            return decision;
        }
        return new Decision.Blocked(List.of(new Decision.Reason(BlockReasonKind.QUOTA_EXCEEDED, Quotas.QUOTA_EXCEEDED.code()
                + ": tenant " + tenant + " has " + usage.used() + " deployments under way, the most its quota allows (dharma.quotas."
                + usage.name() + " = " + usage.limit() + ")", null)));
    }

    private NewDeployment.Iac iacOf(JoinedVersion version) {
        return new NewDeployment.Iac(version.iacContentHash(), executorOf(version));
    }

    private String executorOf(JoinedVersion version) {
        return executor.nameFor(version.submission() == null ? null : version.submission().cloud());
    }
}
