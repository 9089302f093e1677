package io.dharma.orchestrator.worker;

import io.dharma.blueprint.validation.BlueprintMapper;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentOperation;
import io.dharma.executor.ActualResource;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.DesiredState;
import io.dharma.executor.DesiredStates;
import io.dharma.executor.InfrastructureExecutor;
import io.dharma.executor.Plan;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.orchestrator.deployment.ExecutorChoice;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.events.Payloads;
import io.dharma.orchestrator.outbox.Outbox;
import io.dharma.orchestrator.state.BlueprintStore;
import io.dharma.orchestrator.state.ChangeState;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStatus;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.state.PlannedChangeRow;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one deployment through its state machine, REQUESTED -> PLANNING -> PLANNED -> APPLYING ->
 * SUCCEEDED | FAILED (DESTROYED for a destroy), on a stack the caller has claimed. Every step is
 * one database transaction that moves the status on and writes its event to the outbox; executor
 * calls happen between transactions. It always continues from the persisted status, so a run
 * interrupted anywhere (stop, crash, lost database) is resumed by the next one:
 * <ul>
 *   <li>APPLYING re-plans against the stack's actual state. A change of the persisted plan that
 *       the new plan no longer contains was applied before the interruption: it is reported from
 *       the actual state without applying it again. The rest is applied; the executor's apply is
 *       idempotent per resource, so a change cut off halfway is completed, never doubled.</li>
 *   <li>Each event's eventId derives from the attempt's cause and a per-step key
 *       ({@code attempt-N:resource:<name>:<ACTION>}, ...), and a change is reported in the
 *       transaction that marks it ended, at most once; a repeated step finds its event in the
 *       outbox and adds nothing.</li>
 * </ul>
 */
public class DeploymentRunner {

    private static final Logger log = LoggerFactory.getLogger(DeploymentRunner.class);

    private final DeploymentStore deployments;
    private final BlueprintStore blueprints;
    private final Outbox outbox;
    private final DeploymentEvents events;
    private final ExecutorChoice executors;
    private final ExecutorCalls calls;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String workerName;

    DeploymentRunner(DeploymentStore deployments, BlueprintStore blueprints, Outbox outbox, DeploymentEvents events,
            ExecutorChoice executors, ExecutorCalls calls, TransactionTemplate transactions, Clock clock,
            String workerName) {
        this.deployments = deployments;
        this.blueprints = blueprints;
        this.outbox = outbox;
        this.events = events;
        this.executors = executors;
        this.calls = calls;
        this.transactions = transactions;
        this.clock = clock;
        this.workerName = workerName;
    }

    /**
     * Runs the deployment until it ends (or is no longer active) on a stack the caller has claimed;
     * stops (to be resumed by whoever claims the stack next) as soon as {@code claimed} is false.
     */
    void run(UUID deploymentId, BooleanSupplier claimed) throws InterruptedException {
        while (true) {
            ensureClaimed(claimed);
            Deployment deployment = transactions.execute(status -> deployments.find(deploymentId)).orElseThrow();
            if (!deployment.status().isActive()) {
                return;
            }
            switch (deployment.status()) {
                case REQUESTED -> advance(deployment, DeploymentStatus.REQUESTED, DeploymentStatus.PLANNING, "planning",
                        Payloads.planning(deployment.attempt()));
                case PLANNING -> plan(deployment);
                case PLANNED -> advance(deployment, DeploymentStatus.PLANNED, DeploymentStatus.APPLYING, "applying",
                        Payloads.applying(deployment.attempt()));
                case APPLYING -> apply(deployment, claimed);
                default -> throw new IllegalStateException("not an active status: " + deployment.status());
            }
        }
    }

    private void plan(Deployment deployment) throws InterruptedException {
        InfrastructureExecutor executor = executors.executor();
        Stack stack = stackOf(deployment);
        ExecutorCalls.Outcome<Plan> planned = plan(deployment, executor, stack);
        if (planned.failed()) {
            fail(deployment, DeploymentStatus.PLANNING, planned.failure());
            return;
        }
        Plan plan = planned.value();
        inStep(deployment, "planned", Payloads.planned(plan), now -> {
            if (!deployments.planned(deployment.deploymentId(), deployment.attempt(), plan.toAdd(), plan.toChange(),
                    plan.toDestroy(), now)) {
                return false;
            }
            deployments.addChanges(deployment.deploymentId(), deployment.attempt(), plan.changes(), now);
            return true;
        });
    }

    private void apply(Deployment deployment, BooleanSupplier claimed) throws InterruptedException {
        InfrastructureExecutor executor = executors.executor();
        Stack stack = stackOf(deployment);
        ExecutorCalls.Outcome<Plan> replanned = plan(deployment, executor, stack);
        if (replanned.failed()) {
            fail(deployment, DeploymentStatus.APPLYING, replanned.failure());
            return;
        }
        Map<String, PlannedChange> remaining = replanned.value().changes().stream()
                .collect(Collectors.toMap(DeploymentRunner::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<PlannedChangeRow> persisted = transactions.execute(
                status -> deployments.changes(deployment.deploymentId(), deployment.attempt()));
        if (!reportSettledChanges(deployment, executor, stack, persisted, remaining)) {
            return;
        }
        Map<String, PlannedChangeRow> known = persisted.stream()
                .collect(Collectors.toMap(PlannedChangeRow::key, Function.identity()));
        List<PlannedChange> discovered = remaining.values().stream()
                .filter(change -> !known.containsKey(key(change)))
                .toList();
        if (!discovered.isEmpty()) {
            log.info("Deployment {}: re-planning found {} change(s) the plan did not have: {}", deployment.deploymentId(),
                    discovered.size(), discovered.stream().map(PlannedChange::resourceName).toList());
            transactions.executeWithoutResult(status -> deployments.addChanges(deployment.deploymentId(),
                    deployment.attempt(), discovered, OffsetDateTime.now(clock)));
        }
        for (PlannedChange change : remaining.values()) {
            ensureClaimed(claimed);
            ExecutorCalls.Outcome<ActualResource> applied = calls.call(
                    describe(deployment, change), () -> executor.apply(stack, change));
            if (applied.failed()) {
                failChange(deployment, change, applied.failure());
                return;
            }
            ActualResource result = applied.value();
            reportChange(deployment, change.resourceName(), change.type(), change.action(), result);
        }
        boolean destroy = deployment.operation() == DeploymentOperation.DESTROY;
        DeploymentStatus end = destroy ? DeploymentStatus.DESTROYED : DeploymentStatus.SUCCEEDED;
        int changed = transactions.execute(status -> deployments.appliedCount(deployment.deploymentId(), deployment.attempt()));
        inStep(deployment, destroy ? "destroyed" : "succeeded",
                destroy ? Payloads.destroyed(changed) : Payloads.succeeded(changed),
                now -> deployments.finished(deployment.deploymentId(), deployment.attempt(), end, changed, now));
    }

    /**
     * Reports the persisted changes still pending that the new plan no longer needs: an earlier
     * run applied them and stopped before recording it. False if the deployment failed.
     */
    private boolean reportSettledChanges(Deployment deployment, InfrastructureExecutor executor, Stack stack,
            List<PlannedChangeRow> persisted, Map<String, PlannedChange> remaining) throws InterruptedException {
        List<PlannedChangeRow> settled = persisted.stream()
                .filter(change -> change.state() == ChangeState.PENDING && !remaining.containsKey(change.key()))
                .toList();
        if (settled.isEmpty()) {
            return true;
        }
        ExecutorCalls.Outcome<List<ActualResource>> actual = calls.call(
                "reading the actual state of " + deployment.blueprintId(), () -> executor.readActualState(stack));
        if (actual.failed()) {
            fail(deployment, DeploymentStatus.APPLYING, actual.failure());
            return false;
        }
        Map<String, ActualResource> byName = new HashMap<>();
        actual.value().forEach(resource -> byName.put(resource.name(), resource));
        for (PlannedChangeRow change : settled) {
            log.info("Deployment {}: {} of {} was applied before the interruption; reporting it from the actual state",
                    deployment.deploymentId(), change.action(), change.resourceName());
            // A delete that happened leaves nothing to read (or, in a replacement, the new resource).
            reportChange(deployment, change.resourceName(), change.resourceType(), change.action(),
                    change.action() == ChangeAction.DELETE ? null : byName.get(change.resourceName()));
        }
        return true;
    }

    /** @param result the resource as it now is; null for a resource that is gone */
    private void reportChange(Deployment deployment, String resourceName, String resourceType, ChangeAction action,
            ActualResource result) {
        String providerId = result == null ? null : result.providerId();
        Map<String, String> attributes = result == null || action == ChangeAction.DELETE
                ? Map.of() : ResourceAttributes.of(result);
        DeploymentEvent event = event(deployment, "resource:" + PlannedChangeRow.keyOf(resourceName, action),
                Payloads.changed(resourceName, resourceType, action, providerId, attributes));
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            blueprints.lock(deployment.blueprintId());
            if (deployments.changeEnded(deployment.deploymentId(), deployment.attempt(), resourceName, action,
                    ChangeState.APPLIED, providerId, null, now)) {
                outbox.add(event, now);
            }
        });
    }

    private void failChange(Deployment deployment, PlannedChange change, ExecutorFailure failure) {
        String resourceName = change.resourceName();
        String resourceType = change.type();
        DeploymentEvent changeFailed = event(deployment, "resource:" + key(change),
                Payloads.changeFailed(resourceName, resourceType, failure.message()));
        DeploymentEvent failed = event(deployment, "failed",
                Payloads.failed(resourceName, failure.message(), deployment.attempt()));
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            blueprints.lock(deployment.blueprintId());
            if (deployments.failed(deployment.deploymentId(), deployment.attempt(), DeploymentStatus.APPLYING,
                    resourceName, failure.message(), failed.getEnvelope().getEventId(), now)) {
                deployments.changeEnded(deployment.deploymentId(), deployment.attempt(), resourceName, change.action(),
                        ChangeState.FAILED, null, failure.message(), now);
                outbox.add(changeFailed, now);
                outbox.add(failed, now);
            }
        });
        log.warn("Deployment {} failed on {}: {}", deployment.deploymentId(), resourceName, failure.message());
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

    private void inStep(Deployment deployment, String step, Object payload, StatusChange change) {
        inStep(deployment, event(deployment, step, payload), change);
    }

    /** One step: the status change and its event in one transaction, under the blueprint's lock. */
    private void inStep(Deployment deployment, DeploymentEvent event, StatusChange change) {
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            blueprints.lock(deployment.blueprintId());
            if (change.apply(now)) {
                outbox.add(event, now);
            } else {
                log.info("Deployment {} changed under the worker; reloading it", deployment.deploymentId());
            }
        });
    }

    /** Ends the run if the stack's claim was lost; the next worker to claim it resumes the deployment. */
    private static void ensureClaimed(BooleanSupplier claimed) {
        if (!claimed.getAsBoolean()) {
            throw new ClaimLostException();
        }
    }

    /** The stack's lock went with its database session; another worker may hold it now. */
    static final class ClaimLostException extends RuntimeException {

        ClaimLostException() {
            super("the stack lock's database session ended; leaving the deployment to the next claim");
        }
    }

    private ExecutorCalls.Outcome<Plan> plan(Deployment deployment, InfrastructureExecutor executor, Stack stack)
            throws InterruptedException {
        if (deployment.operation() == DeploymentOperation.DESTROY) {
            return calls.call("planning the destroy of " + deployment.blueprintId(), () -> executor.planDestroy(stack));
        }
        DesiredState desired;
        try {
            desired = DesiredStates.from(BlueprintMapper.fromCanonicalJson(deployment.blueprintJson()));
        } catch (RuntimeException e) {
            return new ExecutorCalls.Outcome<>(null, new ExecutorFailure(null,
                    "the blueprint version cannot be turned into a desired state: " + e.getMessage(), 1));
        }
        return calls.call("planning " + deployment.blueprintId() + " v" + deployment.blueprintVersion(),
                () -> executor.plan(stack, desired));
    }

    private DeploymentEvent event(Deployment deployment, String step, Object payload) {
        return events.reactingTo(deployment.runCauseEventId(), "attempt-" + deployment.attempt() + ":" + step,
                deployment.subject(), deployment.deploymentId(), payload);
    }

    private static String key(PlannedChange change) {
        return PlannedChangeRow.keyOf(change.resourceName(), change.action());
    }

    private static Stack stackOf(Deployment deployment) {
        return new Stack(deployment.tenantId(), deployment.blueprintId(), deployment.blueprintName(), deployment.cloud(),
                deployment.region());
    }

    private static String describe(Deployment deployment, PlannedChange change) {
        return change.action() + " of " + change.resourceName() + " (deployment " + deployment.deploymentId() + ")";
    }

    @FunctionalInterface
    private interface StatusChange {
        boolean apply(OffsetDateTime now);
    }
}
