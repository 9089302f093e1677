package io.dharma.orchestrator.api;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentOperation;
import io.dharma.events.SecurityEventKind;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.orchestrator.decision.Decision;
import io.dharma.orchestrator.deployment.DeploymentDecisions;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.events.Payloads;
import io.dharma.orchestrator.events.Subject;
import io.dharma.orchestrator.state.BlueprintRow;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStatus;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.state.JoinedVersion;
import io.dharma.orchestrator.state.NewDeployment;
import io.dharma.security.SecurityAction;
import io.dharma.security.SecurityEvents;
import io.dharma.topics.DharmaTopic;
import io.dharma.web.ApiError;
import io.dharma.web.ApiException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What people do to deployments: approve, reject, retry, destroy. Each command is one database
 * transaction under the blueprint's row lock that checks the deployment's status, changes it and
 * writes the resulting event to the outbox; a command that does not fit the status is a 409 with
 * a stable code. Another tenant's deployments and blueprints do not exist for the caller (404).
 *
 * <p>Four eyes: in the environments {@code dharma.orchestrator.four-eyes-environments} names
 * (default prod), whoever submitted a version, or asked for a destroy, cannot approve its
 * deployment (403 {@code deployment.four-eyes}), and a destroy waits in AWAITING_APPROVAL for
 * someone else's approval instead of being queued at once.
 */
public class DeploymentCommands {

    /** Outcome of a destroy request: the deployment, and whether this request created it. */
    public record DestroyRequest(Deployment deployment, boolean created) {
    }

    private final TransactionTemplate transactions;
    private final BlueprintJoinStore blueprints;
    private final DeploymentStore deployments;
    private final DeploymentDecisions decisions;
    private final Outbox outbox;
    private final DeploymentEvents events;
    private final SecurityEvents securityEvents;
    private final Predicate<String> fourEyes;
    private final Clock clock;

    public DeploymentCommands(TransactionTemplate transactions, BlueprintJoinStore blueprints, DeploymentStore deployments,
            DeploymentDecisions decisions, Outbox outbox, DeploymentEvents events, SecurityEvents securityEvents,
            Predicate<String> fourEyes, Clock clock) {
        this.transactions = transactions;
        this.blueprints = blueprints;
        this.deployments = deployments;
        this.decisions = decisions;
        this.outbox = outbox;
        this.events = events;
        this.securityEvents = securityEvents;
        this.fourEyes = fourEyes;
        this.clock = clock;
    }

    public Deployment approve(String tenantId, UUID deploymentId, String approver, String comment) {
        return decide(tenantId, deploymentId, approver, comment, DeploymentStatus.REQUESTED, "approved",
                Payloads.approved(approver, comment));
    }

    public Deployment reject(String tenantId, UUID deploymentId, String approver, String comment) {
        return decide(tenantId, deploymentId, approver, comment, DeploymentStatus.REJECTED, "rejected",
                Payloads.rejected(approver, comment));
    }

    /** A failed deployment runs again as its next attempt, unless something newer replaced it. */
    public Deployment retry(String tenantId, UUID deploymentId, String user) {
        return transactions.execute(status -> {
            Deployment deployment = lockedVisible(tenantId, deploymentId);
            if (deployment.status() != DeploymentStatus.FAILED) {
                throw conflict(OrchestratorApiError.NOT_FAILED, deployment,
                        "deployment " + deploymentId + " is " + deployment.status() + ", not FAILED");
            }
            BlueprintRow blueprint = blueprints.find(deployment.blueprintId()).orElseThrow();
            boolean outdated = deployment.operation() == DeploymentOperation.APPLY
                    && !blueprint.isCurrent(deployment.blueprintVersion());
            if (outdated || deployments.hasLaterLiveDeployment(deployment.blueprintId(), deployment.seq())) {
                throw conflict(OrchestratorApiError.SUPERSEDED, deployment, "blueprint " + deployment.blueprintId()
                        + " has a newer version or deployment than " + deploymentId + "; retrying it would undo that");
            }
            int attempt = deployment.attempt() + 1;
            DeploymentEvent requested = events.reactingTo(deployment.runCauseEventId(), "retry-" + attempt,
                    deployment.subject(), deploymentId, Payloads.requested(deployment.operation(),
                            deployment.iacContentHash(), deployment.executor(), user));
            OffsetDateTime now = OffsetDateTime.now(clock);
            deployments.retry(deploymentId, attempt, user, requested.getEnvelope().getEventId(), now);
            outbox.append(DharmaTopic.DEPLOYMENTS, requested);
            return deployments.find(deploymentId).orElseThrow();
        });
    }

    /**
     * Tears down what the blueprint has deployed, after whatever is running on its stack; what
     * has not started yet (versions still joining, awaiting approval, queued) is superseded. A
     * destroy already under way is returned instead of a second one.
     */
    public DestroyRequest destroy(String tenantId, String blueprintId, String user) {
        return transactions.execute(status -> {
            BlueprintRow blueprint = blueprints.lock(blueprintId)
                    .filter(row -> row.tenantId().equals(tenantId))
                    .orElseThrow(() -> new ApiException(OrchestratorApiError.BLUEPRINT_NOT_FOUND,
                            "no blueprint " + blueprintId + " for this tenant"));
            Optional<Deployment> underWay = deployments.activeDestroy(blueprintId);
            if (underWay.isPresent()) {
                return new DestroyRequest(underWay.get(), false);
            }
            Deployment last = deployments.lastExecuted(blueprintId)
                    .filter(deployment -> deployment.status() != DeploymentStatus.DESTROYED)
                    .orElseThrow(() -> new ApiException(OrchestratorApiError.NOT_DEPLOYED,
                            "blueprint " + blueprintId + " has nothing deployed"));
            UUID deploymentId = UUID.randomUUID();
            Subject subject = new Subject(tenantId, last.trackingId(), blueprintId, last.blueprintVersion());
            DeploymentEvent requested = events.originating(subject, deploymentId, Payloads.requested(
                    DeploymentOperation.DESTROY, last.iacContentHash(), last.executor(), user));
            String environment = environmentOf(last);
            DeploymentEvent awaiting = null;
            String reason = null;
            if (fourEyes.test(environment)) {
                reason = "destroying a " + environment + " stack needs the approval of someone other than " + user
                        + " (four eyes)";
                awaiting = events.reactingTo(requested.getEnvelope().getEventId(), "awaiting-approval", subject,
                        deploymentId, Payloads.awaitingApproval(new Decision.AwaitingApproval(reason, null,
                                currencyOf(last), 0)));
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            deployments.insert(new NewDeployment(deploymentId, subject,
                    new NewDeployment.Start(DeploymentOperation.DESTROY,
                            awaiting == null ? DeploymentStatus.REQUESTED : DeploymentStatus.AWAITING_APPROVAL, reason,
                            (awaiting == null ? requested : awaiting).getEnvelope().getEventId()),
                    NewDeployment.Stack.toDestroy(last), new NewDeployment.Iac(last.iacContentHash(), last.executor()),
                    NewDeployment.People.requestedBy(user)), now);
            outbox.append(DharmaTopic.DEPLOYMENTS, requested);
            if (awaiting != null) {
                outbox.append(DharmaTopic.DEPLOYMENTS, awaiting);
            }
            decisions.supersede(blueprint, blueprint.latestVersion(), requested.getEnvelope().getEventId(),
                    "a destroy of the blueprint was requested");
            blueprints.markDestroyedThrough(blueprintId, blueprint.latestVersion(), now);
            return new DestroyRequest(deployments.find(deploymentId).orElseThrow(), true);
        });
    }

    private Deployment decide(String tenantId, UUID deploymentId, String approver, String comment, DeploymentStatus to,
            String step, Object payload) {
        if (comment != null && comment.length() > CommentRequest.MAX_LENGTH) {
            throw new ApiException(OrchestratorApiError.INVALID_COMMENT,
                    "comment must be at most " + CommentRequest.MAX_LENGTH + " characters");
        }
        return transactions.execute(status -> {
            Deployment deployment = lockedVisible(tenantId, deploymentId);
            if (deployment.status() != DeploymentStatus.AWAITING_APPROVAL) {
                throw conflict(OrchestratorApiError.NOT_AWAITING_APPROVAL, deployment,
                        "deployment " + deploymentId + " is " + deployment.status() + ", not AWAITING_APPROVAL");
            }
            if (to == DeploymentStatus.REQUESTED) {
                checkFourEyes(deployment, approver);
            }
            DeploymentEvent event = events.reactingTo(deployment.runCauseEventId(), step, deployment.subject(),
                    deploymentId, payload);
            OffsetDateTime now = OffsetDateTime.now(clock);
            deployments.decide(deploymentId, DeploymentStatus.AWAITING_APPROVAL, to, deployment.statusReason(), approver,
                    comment, event.getEnvelope().getEventId(), now);
            outbox.append(DharmaTopic.DEPLOYMENTS, event);
            securityEvents.record(SecurityAction.byUser(approver, tenantId,
                            to == DeploymentStatus.REQUESTED ? SecurityEventKind.DEPLOYMENT_APPROVED
                                    : SecurityEventKind.DEPLOYMENT_REJECTED,
                            tenantId, deploymentId.toString())
                    .with("blueprintId", deployment.blueprintId())
                    .with("blueprintVersion", String.valueOf(deployment.blueprintVersion()))
                    .with("operation", deployment.operation().name())
                    .with("environment", environmentOf(deployment))
                    .with("comment", comment));
            return deployments.find(deploymentId).orElseThrow();
        });
    }

    /**
     * In a four-eyes environment, refuses an approval by whoever submitted the deployment's version
     * or asked for the deployment (a destroy, a retry). A submitter the submission event did not
     * name cannot be compared, and does not stop the approval.
     */
    private void checkFourEyes(Deployment deployment, String approver) {
        Optional<JoinedVersion.Submission> submission = blueprints.version(deployment.blueprintId(),
                deployment.blueprintVersion()).map(JoinedVersion::submission);
        String environment = environmentOf(deployment);
        if (!fourEyes.test(environment)) {
            return;
        }
        boolean own = Stream.of(submission.map(JoinedVersion.Submission::submittedBy).orElse(null),
                        deployment.requestedBy())
                .filter(Objects::nonNull)
                .anyMatch(approver::equals);
        if (own) {
            String what = deployment.operation() == DeploymentOperation.DESTROY ? "asked for this destroy"
                    : "submitted version " + deployment.blueprintVersion() + " of blueprint " + deployment.blueprintId();
            throw new ApiException(OrchestratorApiError.FOUR_EYES, approver + " " + what + " and cannot approve it: "
                    + environment + " deployments need the approval of a second person (four eyes)",
                    Map.of("deploymentStatus", deployment.status().name()));
        }
    }

    /** The currency of the version's cost estimate (the event needs one even without an estimate). */
    private String currencyOf(Deployment deployment) {
        return blueprints.version(deployment.blueprintId(), deployment.blueprintVersion())
                .map(JoinedVersion::cost)
                .map(cost -> cost.currency())
                .filter(Objects::nonNull)
                .orElse("USD");
    }

    /** The environment of the deployment's version, in lower case as blueprints spell it; null if unknown. */
    private String environmentOf(Deployment deployment) {
        return blueprints.version(deployment.blueprintId(), deployment.blueprintVersion())
                .map(JoinedVersion::submission)
                .map(s -> s.environment().name().toLowerCase(java.util.Locale.ROOT))
                .orElse(null);
    }

    /** The deployment, re-read after locking its blueprint, so the status checked is the one changed. */
    private Deployment lockedVisible(String tenantId, UUID deploymentId) {
        Deployment deployment = visible(tenantId, deploymentId);
        blueprints.lock(deployment.blueprintId());
        return deployments.find(deploymentId).orElseThrow();
    }

    private Deployment visible(String tenantId, UUID deploymentId) {
        return deployments.find(deploymentId)
                .filter(deployment -> deployment.tenantId().equals(tenantId))
                .orElseThrow(() -> new ApiException(OrchestratorApiError.DEPLOYMENT_NOT_FOUND,
                        "no deployment " + deploymentId + " for this tenant"));
    }

    private static ApiException conflict(ApiError error, Deployment deployment, String detail) {
        return new ApiException(error, detail, Map.of("deploymentStatus", deployment.status().name()));
    }
}
