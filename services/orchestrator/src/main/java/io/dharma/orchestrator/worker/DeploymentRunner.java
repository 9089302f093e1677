package io.dharma.orchestrator.worker;

import io.dharma.executor.ResourceAttributes;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentOperation;
import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.InfrastructureExecutor;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.executor.StackConfiguration;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.kafka.processing.LoggingContext;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.common.KeyValues;
import io.dharma.orchestrator.decision.Decision;
import io.dharma.orchestrator.decision.DecisionRules;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.orchestrator.deployment.StackConfigurations;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.events.Payloads;
import io.dharma.orchestrator.state.BlueprintJoinStore;
import io.dharma.orchestrator.state.ChangeState;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStatus;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.state.PlannedChangeRow;
import io.dharma.topics.DharmaTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one deployment through its state machine, REQUESTED -> PLANNING -> PLANNED -> APPLYING ->
 * SUCCEEDED | FAILED (DESTROYED for a destroy), on a stack the caller has claimed, with the
 * executor the deployment was opened for. An update that needs an approver goes from PLANNING to
 * AWAITING_APPROVAL with its plan; once approved it is planned again and applied only if the new
 * plan has the same changes, else it goes back to the approver (see {@link #approvalNeeded}).
 * Every step is one database transaction that moves the status on and writes its event to the
 * outbox; executor calls happen between transactions. It
 * always continues from the persisted status, so a run interrupted anywhere (stop, crash, lost
 * database) is resumed by the next one:
 * <ul>
 *   <li>In one uninterrupted run, APPLYING applies exactly the plan PLANNING made and persisted.</li>
 *   <li>A resumed APPLYING re-plans against the stack's actual state. A change of the persisted
 *       plan that the new plan no longer contains was applied before the interruption: it is
 *       reported from the actual state without applying it again. The new plan is applied; it
 *       holds only what is left, so a change is completed, never doubled.</li>
 *   <li>Each event's eventId derives from the attempt's cause and a per-step key
 *       ({@code attempt-N:resource:<address>:<ACTION>}, ...), and a change is reported in the
 *       transaction that marks it ended, at most once; a repeated step finds its event in the
 *       outbox and adds nothing.</li>
 * </ul>
 */
public class DeploymentRunner {

    private static final Logger log = LoggerFactory.getLogger(DeploymentRunner.class);

    /**
     * Timer of executor applies (Prometheus {@code dharma_executor_apply_seconds}), tagged
     * {@code executor}, {@code operation} (apply or destroy) and {@code outcome} (succeeded, failed,
     * or abandoned when the stack's claim was lost or the worker stopped).
     */
    public static final String APPLY_METRIC = "dharma.executor.apply";
    /** The observation (and span) of a worker's run of a deployment, continuing the context stored with it. */
    public static final String RUN_OBSERVATION = "dharma.deployment.run";

    private final DeploymentStore deployments;
    private final BlueprintJoinStore blueprints;
    private final StackConfigurations configurations;
    private final Outbox outbox;
    private final DeploymentEvents events;
    private final ExecutorChoice executors;
    private final ExecutorCalls calls;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String workerName;
    private final MeterRegistry meters;
    private final TraceHandover tracing;

    DeploymentRunner(DeploymentStore deployments, BlueprintJoinStore blueprints, Outbox outbox, DeploymentEvents events,
            ExecutorChoice executors, ExecutorCalls calls, TransactionTemplate transactions, Clock clock,
            String workerName, MeterRegistry meters, TraceHandover tracing) {
        this.deployments = deployments;
        this.blueprints = blueprints;
        this.configurations = new StackConfigurations(blueprints);
        this.outbox = outbox;
        this.events = events;
        this.executors = executors;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
        this.workerName = workerName;
        this.meters = meters;
        this.tracing = tracing;
    }

    /**
     * Runs the deployment until it ends (or is no longer active) on a stack the caller has claimed;
     * stops (to be resumed by whoever claims the stack next) as soon as {@code claimed} is false.
     *
     * @param fencingToken the claim's token, passed with every executor call
     */
    void run(UUID deploymentId, long fencingToken, BooleanSupplier claimed) throws InterruptedException {
        // The run continues the trace of the decision or request that created the deployment.
        String traceContext = transactions.execute(status -> deployments.traceContext(deploymentId));
        tracing.takeOver(RUN_OBSERVATION, "run deployment", traceContext,
                KeyValues.of(TraceHandover.SERVICE, "dharma-orchestrator"), () -> {
                    // Every line logged meanwhile names the deployment and its blueprint version.
                    try (LoggingContext logging = LoggingContext.open()
                            .put(LoggingContext.DEPLOYMENT_ID, deploymentId.toString())) {
                        run(deploymentId, fencingToken, claimed, logging);
                    }
                    return null;
                });
    }

    private void run(UUID deploymentId, long fencingToken, BooleanSupplier claimed, LoggingContext logging)
            throws InterruptedException {
        HeldPlan planned = null;
        try {
            while (true) {
                ensureClaimed(claimed);
                Deployment deployment = transactions.execute(status -> deployments.find(deploymentId)).orElseThrow();
                logging.subject(deployment.tenantId(), deployment.trackingId(), deployment.blueprintId());
                if (!deployment.status().isActive()) {
                    return;
                }
                switch (deployment.status()) {
                    case REQUESTED -> advance(deployment, DeploymentStatus.REQUESTED, DeploymentStatus.PLANNING,
                            "planning", Payloads.planning(deployment.attempt()));
                    case PLANNING -> planned = plan(deployment, fencingToken);
                    case PLANNED -> advance(deployment, DeploymentStatus.PLANNED, DeploymentStatus.APPLYING, "applying",
                            Payloads.applying(deployment.attempt()));
                    case APPLYING -> {
                        Plan fresh = planned == null ? null : planned.plan();
                        planned = null;
                        apply(deployment, fencingToken, claimed, fresh);
                    }
                    default -> throw new IllegalStateException("not an active status: " + deployment.status());
                }
            }
        } finally {
            if (planned != null) {
                planned.executor().discard(planned.plan());
            }
        }
    }

    /** A plan this run made and persisted, kept for its apply. */
    private record HeldPlan(InfrastructureExecutor executor, Plan plan) {
    }

    /** Plans and persists the plan; returns it for the apply of this run (null if the deployment failed or moved on). */
    private HeldPlan plan(Deployment deployment, long fencingToken) throws InterruptedException {
        Target target = target(deployment, fencingToken);
        if (target == null) {
            return null;
        }
        ExecutorCalls.Outcome<Plan> planned = plan(deployment, target);
        if (planned.failed()) {
            fail(deployment, DeploymentStatus.PLANNING, planned.failure());
            return null;
        }
        Plan plan = planned.value();
        String approvalNeeded = approvalNeeded(deployment, plan);
        if (approvalNeeded != null) {
            target.executor().discard(plan);
            askApproval(deployment, plan, approvalNeeded);
            return null;
        }
        boolean recorded = inStep(deployment, "planned", Payloads.planned(plan), now -> {
            if (!deployments.planned(deployment.deploymentId(), deployment.attempt(), plan.toAdd(), plan.toChange(),
                    plan.toDestroy(), now)) {
                return false;
            }
            deployments.addChanges(deployment.deploymentId(), deployment.attempt(), plan.changes(), now);
            return true;
        });
        if (!recorded) {
            target.executor().discard(plan);
            return null;
        }
        return new HeldPlan(target.executor(), plan);
    }

    /**
     * Why {@code plan} needs an approver before it is applied, or null if it may be applied: an
     * update nobody approved yet, or one approved on a plan that differs from this one (a newer
     * version deployed meanwhile, drift, a provider's new default): the approver approves a plan,
     * not a version, so a changed plan is put before them again.
     */
    private String approvalNeeded(Deployment deployment, Plan plan) {
        if (deployment.operation() != DeploymentOperation.APPLY) {
            return null;
        }
        if (deployment.decidedBy() == null) {
            return deployment.statusReason();
        }
        if (deployment.planToAdd() == null) {
            return null;   // approved without a plan to show: by the platform, or a retry
        }
        List<PlannedChangeRow> approved = transactions.execute(
                status -> deployments.changes(deployment.deploymentId(), deployment.attempt()));
        Set<String> approvedKeys = approved.stream().map(PlannedChangeRow::key).collect(Collectors.toSet());
        Set<String> planKeys = plan.changes().stream().map(DeploymentRunner::key).collect(Collectors.toSet());
        if (approvedKeys.equals(planKeys)) {
            return null;
        }
        List<String> added = planKeys.stream().filter(k -> !approvedKeys.contains(k)).sorted().toList();
        List<String> gone = approvedKeys.stream().filter(k -> !planKeys.contains(k)).sorted().toList();
        return "the plan changed after " + deployment.decidedBy() + " approved it (now also: " + added
                + "; no longer: " + gone + "); approve the new plan";
    }

    /** Records the plan for the approver and waits for them: Planned, then AwaitingApproval. */
    private void askApproval(Deployment deployment, Plan plan, String reason) {
        Decision.AwaitingApproval awaiting = transactions.execute(status -> awaitingApproval(deployment, reason));
        DeploymentEvent plannedEvent = event(deployment, "planned-for-approval", Payloads.planned(plan));
        DeploymentEvent awaitingEvent = event(deployment, "awaiting-approval", Payloads.awaitingApproval(awaiting));
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            blueprints.lock(deployment.blueprintId());
            if (deployments.plannedForApproval(deployment.deploymentId(), deployment.attempt(), plan.toAdd(),
                    plan.toChange(), plan.toDestroy(), reason, awaitingEvent.getEnvelope().getEventId(), now)) {
                deployments.replaceChanges(deployment.deploymentId(), deployment.attempt(), plan.changes(), now);
                outbox.append(DharmaTopic.DEPLOYMENTS, plannedEvent);
                outbox.append(DharmaTopic.DEPLOYMENTS, awaitingEvent);
            }
        });
        log.info("Deployment {} planned ({} to add, {} to change, {} to destroy), awaiting approval: {}",
                deployment.deploymentId(), plan.toAdd(), plan.toChange(), plan.toDestroy(), reason);
    }

    /** The version's decision (its cost estimate and warnings) with {@code reason}. */
    private Decision.AwaitingApproval awaitingApproval(Deployment deployment, String reason) {
        Decision decision = blueprints.version(deployment.blueprintId(), deployment.blueprintVersion())
                .map(version -> DecisionRules.decide(version.verdicts())).orElse(null);
        return decision instanceof Decision.AwaitingApproval awaiting
                ? new Decision.AwaitingApproval(reason, awaiting.estimatedMonthly(), awaiting.currency(), awaiting.warningCount())
                : new Decision.AwaitingApproval(reason, null, null, 0);
    }

    /**
     * Applies {@code fresh}, the plan this run made, or (resuming an interrupted run) a new plan
     * of what is left.
     */
    private void apply(Deployment deployment, long fencingToken, BooleanSupplier claimed, Plan fresh)
            throws InterruptedException {
        Target target = target(deployment, fencingToken);
        if (target == null) {
            return;
        }
        Plan plan = fresh != null ? fresh : replan(deployment, target);
        if (plan == null) {
            return;
        }
        Set<String> done = ConcurrentHashMap.newKeySet();
        ExecutorCalls.Outcome<Map<String, String>> applied;
        Timer.Sample applying = Timer.start(meters);
        String outcome = "abandoned";
        try {
            applied = calls.call(step(deployment, "apply"),
                    "applying " + plan.changes().size() + " change(s) of deployment " + deployment.deploymentId(),
                    () -> target.executor().apply(target.stack(), rest(plan, done), (change, result) -> {
                        ensureClaimed(claimed);
                        reportChange(deployment, change.address(), change.resourceName(), change.type(), change.action(),
                                result);
                        done.add(key(change));
                    }), done::size);
            outcome = applied.failed() ? "failed" : "succeeded";
        } finally {
            target.executor().discard(plan);
            applying.stop(Timer.builder(APPLY_METRIC).description("Executor applies, retries included")
                    .tag("executor", target.executor().name())
                    .tag("operation", deployment.operation().name().toLowerCase(Locale.ROOT))
                    .tag("outcome", outcome)
                    .register(meters));
        }
        if (applied.failed()) {
            failChange(deployment, plan, applied.failure());
            return;
        }
        boolean destroy = deployment.operation() == DeploymentOperation.DESTROY;
        DeploymentStatus end = destroy ? DeploymentStatus.DESTROYED : DeploymentStatus.SUCCEEDED;
        int changed = transactions.execute(status -> deployments.appliedCount(deployment.deploymentId(), deployment.attempt()));
        inStep(deployment, destroy ? "destroyed" : "succeeded",
                destroy ? Payloads.destroyed(changed) : Payloads.succeeded(changed, applied.value()),
                now -> deployments.finished(deployment.deploymentId(), deployment.attempt(), end, changed, now));
    }

    /**
     * What is left of a plan after a transient failure cut its apply short: the changes not done
     * yet. A plan the executor keeps as an artifact is passed whole (it applies all or refuses).
     */
    private static Plan rest(Plan plan, Set<String> done) {
        if (done.isEmpty() || plan.artifact() != null) {
            return plan;
        }
        return new Plan(plan.changes().stream().filter(change -> !done.contains(key(change))).toList());
    }

    /**
     * Plans again after an interruption: reports the persisted changes the new plan no longer
     * needs (applied before the interruption), adds the ones it did not have, and returns the plan
     * of what is left; null if the deployment failed.
     */
    private Plan replan(Deployment deployment, Target target) throws InterruptedException {
        ExecutorCalls.Outcome<Plan> replanned = plan(deployment, target);
        if (replanned.failed()) {
            fail(deployment, DeploymentStatus.APPLYING, replanned.failure());
            return null;
        }
        Plan plan = replanned.value();
        Map<String, PlannedChange> remaining = plan.changes().stream()
                .collect(Collectors.toMap(DeploymentRunner::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<PlannedChangeRow> persisted = transactions.execute(
                status -> deployments.changes(deployment.deploymentId(), deployment.attempt()));
        if (!reportSettledChanges(deployment, target, persisted, remaining)) {
            target.executor().discard(plan);
            return null;
        }
        Map<String, PlannedChangeRow> known = persisted.stream()
                .collect(Collectors.toMap(PlannedChangeRow::key, Function.identity()));
        List<PlannedChange> discovered = remaining.values().stream()
                .filter(change -> !known.containsKey(key(change)))
                .toList();
        if (!discovered.isEmpty()) {
            log.info("Deployment {}: re-planning found {} change(s) the plan did not have: {}", deployment.deploymentId(),
                    discovered.size(), discovered.stream().map(PlannedChange::address).toList());
            transactions.executeWithoutResult(status -> deployments.addChanges(deployment.deploymentId(),
                    deployment.attempt(), discovered, OffsetDateTime.now(clock)));
        }
        return plan;
    }

    /**
     * Reports the persisted changes still pending that the new plan no longer needs: an earlier
     * run applied them and stopped before recording it. False if the deployment failed.
     */
    private boolean reportSettledChanges(Deployment deployment, Target target, List<PlannedChangeRow> persisted,
            Map<String, PlannedChange> remaining) throws InterruptedException {
        List<PlannedChangeRow> settled = persisted.stream()
                .filter(change -> change.state() == ChangeState.PENDING && !remaining.containsKey(change.key()))
                .toList();
        if (settled.isEmpty()) {
            return true;
        }
        ExecutorCalls.Outcome<List<ActualResource>> actual = calls.call(step(deployment, "read-actual-state"),
                "reading the actual state of " + deployment.blueprintId(),
                () -> target.executor().readActualState(target.stack(), target.configuration()));
        if (actual.failed()) {
            fail(deployment, DeploymentStatus.APPLYING, actual.failure());
            return false;
        }
        Map<String, ActualResource> byAddress = new HashMap<>();
        actual.value().forEach(resource -> byAddress.put(resource.address(), resource));
        for (PlannedChangeRow change : settled) {
            log.info("Deployment {}: {} of {} was applied before the interruption; reporting it from the actual state",
                    deployment.deploymentId(), change.action(), change.address());
            // A delete that happened leaves nothing to read (or, in a replacement, the new resource).
            reportChange(deployment, change.address(), change.resourceName(), change.resourceType(), change.action(),
                    change.action() == ChangeAction.DELETE ? null : byAddress.get(change.address()));
        }
        return true;
    }

    /** @param result the resource as it now is; null for a resource that is gone */
    private void reportChange(Deployment deployment, String address, String resourceName, String resourceType,
            ChangeAction action, ActualResource result) {
        String providerId = result == null ? null : result.providerId();
        Map<String, String> attributes = result == null || action == ChangeAction.DELETE
                ? Map.of() : ResourceAttributes.of(result);
        DeploymentEvent event = event(deployment, "resource:" + PlannedChangeRow.keyOf(address, action),
                Payloads.changed(address, resourceName, resourceType, action, providerId, attributes));
        try {
            transactions.executeWithoutResult(status -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                blueprints.lock(deployment.blueprintId());
                if (deployments.changeEnded(deployment.deploymentId(), deployment.attempt(), address, action,
                        ChangeState.APPLIED, providerId, attributes, null, now)) {
                    outbox.append(DharmaTopic.DEPLOYMENTS, event);
                }
            });
        } catch (RuntimeException e) {
            throw new RunAbandonedException("recording the " + action + " of " + address + " failed: " + e.getMessage(), e);
        }
    }

    /** Fails the deployment on the change the failure names (or on the stack when it names none). */
    private void failChange(Deployment deployment, Plan plan, ExecutorFailure failure) {
        PlannedChange change = plan.changes().stream()
                .filter(candidate -> failure.address() != null ? candidate.address().equals(failure.address())
                        : candidate.resourceName().equals(failure.resourceName()))
                .findFirst().orElse(null);
        if (change == null) {
            fail(deployment, DeploymentStatus.APPLYING, failure);
            return;
        }
        String resourceName = change.resourceName();
        DeploymentEvent changeFailed = event(deployment, "resource:" + key(change),
                Payloads.changeFailed(change.address(), resourceName, change.type(), failure.message()));
        DeploymentEvent failed = event(deployment, "failed",
                Payloads.failed(resourceName, failure.message(), deployment.attempt()));
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            blueprints.lock(deployment.blueprintId());
            if (deployments.failed(deployment.deploymentId(), deployment.attempt(), DeploymentStatus.APPLYING,
                    resourceName, failure.message(), failed.getEnvelope().getEventId(), now)) {
                deployments.changeEnded(deployment.deploymentId(), deployment.attempt(), change.address(), change.action(),
                        ChangeState.FAILED, null, Map.of(), failure.message(), now);
                outbox.append(DharmaTopic.DEPLOYMENTS, changeFailed);
                outbox.append(DharmaTopic.DEPLOYMENTS, failed);
            }
        });
        log.warn("Deployment {} failed on {}: {}", deployment.deploymentId(), change.address(), failure.message());
    }

    private void fail(Deployment deployment, DeploymentStatus from, ExecutorFailure failure) {
        DeploymentEvent failed = event(deployment, "failed",
                Payloads.failed(failure.resourceName(), failure.message(), deployment.attempt()));
        inStep(deployment, failed, now -> deployments.failed(deployment.deploymentId(), deployment.attempt(), from,
                failure.resourceName(), failure.message(), failed.getEnvelope().getEventId(), now));
        log.warn("Deployment {} failed: {}", deployment.deploymentId(), failure.message());
    }

    private void advance(Deployment deployment, DeploymentStatus from, DeploymentStatus to, String step, Object payload) {
        inStep(deployment, step, payload,
                now -> deployments.advance(deployment.deploymentId(), deployment.attempt(), from, to, workerName, now));
    }

    private boolean inStep(Deployment deployment, String step, Object payload, StatusChange change) {
        return inStep(deployment, event(deployment, step, payload), change);
    }

    /** One step: the status change and its event in one transaction, under the blueprint's lock; false if it lost a race. */
    private boolean inStep(Deployment deployment, DeploymentEvent event, StatusChange change) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            blueprints.lock(deployment.blueprintId());
            if (change.apply(now)) {
                outbox.append(DharmaTopic.DEPLOYMENTS, event);
                return true;
            }
            log.info("Deployment {} changed under the worker; reloading it", deployment.deploymentId());
            return false;
        }));
    }

    /** Ends the run if the stack's claim was lost; the next worker to claim it resumes the deployment. */
    private static void ensureClaimed(BooleanSupplier claimed) {
        if (!claimed.getAsBoolean()) {
            throw new ClaimLostException();
        }
    }

    /** The stack's lock went with its database session; another worker may hold it now. */
    static final class ClaimLostException extends RunAbandonedException {

        ClaimLostException() {
            super("the stack lock's database session ended; leaving the deployment to the next claim", null);
        }
    }

    /** The executor, stack and configuration of a deployment; null (and the deployment failed) if its version is unusable. */
    private Target target(Deployment deployment, long fencingToken) {
        InfrastructureExecutor executor = executors.named(deployment.executor());
        StackConfiguration configuration;
        try {
            configuration = transactions.execute(status -> configurations.of(deployment));
        } catch (IllegalArgumentException e) {
            fail(deployment, deployment.status(), new ExecutorFailure(null, null, e.getMessage(), 1));
            return null;
        }
        return new Target(executor, StackConfigurations.stackOf(deployment).fencedBy(fencingToken), configuration);
    }

    private record Target(InfrastructureExecutor executor, Stack stack, StackConfiguration configuration) {
    }

    private static ExecutorCalls.Step step(Deployment deployment, String operation) {
        return new ExecutorCalls.Step(deployment.executor(), operation);
    }

    private ExecutorCalls.Outcome<Plan> plan(Deployment deployment, Target target) throws InterruptedException {
        if (deployment.operation() == DeploymentOperation.DESTROY) {
            return calls.call(step(deployment, "plan-destroy"), "planning the destroy of " + deployment.blueprintId(),
                    () -> target.executor().planDestroy(target.stack(), target.configuration()));
        }
        return calls.call(step(deployment, "plan"),
                "planning " + deployment.blueprintId() + " v" + deployment.blueprintVersion(),
                () -> target.executor().plan(target.stack(), target.configuration()));
    }

    private DeploymentEvent event(Deployment deployment, String step, Object payload) {
        return events.reactingTo(deployment.runCauseEventId(), "attempt-" + deployment.attempt() + ":" + step,
                deployment.subject(), deployment.deploymentId(), payload);
    }

    private static String key(PlannedChange change) {
        return PlannedChangeRow.keyOf(change.address(), change.action());
    }

    @FunctionalInterface
    private interface StatusChange {
        boolean apply(OffsetDateTime now);
    }
}
