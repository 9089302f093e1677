package io.dharma.orchestrator.state;

import static io.dharma.orchestrator.db.Tables.DEPLOYMENT;
import static io.dharma.orchestrator.db.Tables.DEPLOYMENT_CHANGE;

import io.dharma.events.DeploymentOperation;
import io.dharma.executor.ChangeAction;
import io.dharma.executor.PlannedChange;
import io.dharma.orchestrator.db.tables.records.DeploymentRecord;
import io.dharma.kafka.processing.OnCommit;
import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.common.KeyValues;
import io.dharma.orchestrator.events.Subject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.impl.DSL;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deployments and their persisted plans. Every method runs in the caller's transaction; a
 * deployment changes only while its blueprint's row is locked, and every status change names the
 * status it expects, so a change that lost a race updates nothing and says so.
 */
public class DeploymentStore {

    /**
     * Counter of deployments that ended, tagged {@code outcome}: succeeded, failed, destroyed,
     * blocked, rejected or superseded. Counted here, where every status is written, once the
     * transaction that writes it commits. A failed deployment retried and ended again counts again.
     */
    public static final String ENDED_METRIC = "dharma.deployments.ended";
    /** Gauge of the resources the last applied changes of every stack left in place ({@link #resourcesUnderManagement}). */
    public static final String RESOURCES_METRIC = "dharma.resources.managed";
    /**
     * The observation (and span) of a deployment's creation; its trace context is stored with the
     * row, and the worker that runs the deployment continues it.
     */
    public static final String SCHEDULE_OBSERVATION = "dharma.deployment.schedule";

    private static final Set<DeploymentStatus> ENDINGS = EnumSet.of(DeploymentStatus.SUCCEEDED, DeploymentStatus.FAILED,
            DeploymentStatus.DESTROYED, DeploymentStatus.BLOCKED, DeploymentStatus.REJECTED, DeploymentStatus.SUPERSEDED);
    private static final List<String> ACTIVE = names(DeploymentStatus.ACTIVE);
    private static final List<String> EXECUTED = names(DeploymentStatus.EXECUTED);
    private static final List<String> OPEN = names(DeploymentStatus.OPEN);
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final DSLContext db;
    private final RunnableDeploymentSignal runnable;
    private final MeterRegistry meters;
    private final TraceHandover tracing;

    public DeploymentStore(DSLContext db, RunnableDeploymentSignal runnable, MeterRegistry meters) {
        this(db, runnable, meters, TraceHandover.NONE);
    }

    public DeploymentStore(DSLContext db, RunnableDeploymentSignal runnable, MeterRegistry meters, TraceHandover tracing) {
        this.db = db;
        this.runnable = runnable;
        this.meters = meters;
        this.tracing = tracing;
    }

    /** Counts a deployment that reached {@code status}, if that ends it, once the current transaction commits. */
    private boolean counted(boolean written, DeploymentStatus status) {
        if (written && ENDINGS.contains(status)) {
            Counter ended = Counter.builder(ENDED_METRIC).description("Deployments that ended, by outcome")
                    .tag("outcome", status.name().toLowerCase(Locale.ROOT))
                    .register(meters);
            OnCommit.run("counting a deployment that ended", ended::increment);
        }
        return written;
    }

    /**
     * The resources under management: per stack and address, the last applied change, counted when
     * it left the resource in place (a destroy's deletes leave nothing). One query over the applied
     * changes, read at each scrape.
     */
    public long resourcesUnderManagement() {
        return db.fetchOne("""
                select count(*) from (
                  select distinct on (d.blueprint_id, c.address) c.action
                  from {0} c join {1} d on d.deployment_id = c.deployment_id
                  where c.state = 'APPLIED'
                  order by d.blueprint_id, c.address, d.seq desc, c.attempt desc, c.updated_at desc, c.position desc
                ) last_change where last_change.action <> 'DELETE'
                """, DEPLOYMENT_CHANGE, DEPLOYMENT).get(0, Long.class);
    }

    public void insert(NewDeployment deployment, OffsetDateTime now) {
        NewDeployment.Start start = deployment.start();
        tracing.handOver(SCHEDULE_OBSERVATION, "schedule deployment", KeyValues.of(TraceHandover.SERVICE,
                "dharma-orchestrator", "dharma.deployment.operation", start.operation().name()),
                traceContext -> insert(deployment, now, traceContext));
        counted(true, start.status());
        if (DeploymentStatus.ACTIVE.contains(start.status())) {
            runnable.wakeUpAfterCommit();
        }
    }

    private int insert(NewDeployment deployment, OffsetDateTime now, String traceContext) {
        Subject subject = deployment.subject();
        NewDeployment.Start start = deployment.start();
        NewDeployment.Stack stack = deployment.stack();
        NewDeployment.People people = deployment.people();
        return db.insertInto(DEPLOYMENT)
                .set(DEPLOYMENT.DEPLOYMENT_ID, deployment.deploymentId())
                .set(DEPLOYMENT.TENANT_ID, subject.tenantId())
                .set(DEPLOYMENT.BLUEPRINT_ID, subject.blueprintId())
                .set(DEPLOYMENT.BLUEPRINT_VERSION, subject.blueprintVersion())
                .set(DEPLOYMENT.TRACKING_ID, subject.trackingId())
                .set(DEPLOYMENT.OPERATION, start.operation().name())
                .set(DEPLOYMENT.STATUS, start.status().name())
                .set(DEPLOYMENT.STATUS_REASON, start.statusReason())
                .set(DEPLOYMENT.RUN_CAUSE_EVENT_ID, start.runCauseEventId())
                .set(DEPLOYMENT.BLUEPRINT_NAME, stack.blueprintName())
                .set(DEPLOYMENT.CLOUD, stack.cloud())
                .set(DEPLOYMENT.REGION, stack.region())
                .set(DEPLOYMENT.BLUEPRINT_JSON, stack.blueprintJson())
                .set(DEPLOYMENT.IAC_CONTENT_HASH, deployment.iac().contentHash())
                .set(DEPLOYMENT.EXECUTOR, deployment.iac().executor())
                .set(DEPLOYMENT.REQUESTED_BY, people.requestedBy())
                .set(DEPLOYMENT.DECIDED_BY, people.decidedBy())
                .set(DEPLOYMENT.DECISION_COMMENT, people.decisionComment())
                .set(DEPLOYMENT.CREATED_AT, now)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .set(DEPLOYMENT.TRACE_CONTEXT, JSON.valueOf(traceContext))
                .execute();
    }

    /** The tenant's deployments that have not ended: waiting for an approver or the worker, or running. */
    public long countOpen(String tenantId) {
        return db.fetchCount(DEPLOYMENT, DEPLOYMENT.TENANT_ID.eq(tenantId), DEPLOYMENT.STATUS.in(OPEN));
    }

    /** The trace context stored when the deployment was created ({@link TraceHandover}), or null if there is none. */
    public String traceContext(UUID deploymentId) {
        JSON context = db.select(DEPLOYMENT.TRACE_CONTEXT).from(DEPLOYMENT).where(DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId))
                .fetchOne(DEPLOYMENT.TRACE_CONTEXT);
        return context == null ? null : context.data();
    }

    public Optional<Deployment> find(UUID deploymentId) {
        return db.selectFrom(DEPLOYMENT).where(DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId)).fetchOptional(DeploymentStore::deployment);
    }

    /** A decision on a deployment that has not run: approve, reject, supersede. */
    public boolean decide(UUID deploymentId, DeploymentStatus from, DeploymentStatus to, String statusReason,
            String decidedBy, String comment, UUID runCauseEventId, OffsetDateTime now) {
        return counted(db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, to.name())
                .set(DEPLOYMENT.STATUS_REASON, statusReason)
                .set(DEPLOYMENT.DECIDED_BY, decidedBy)
                .set(DEPLOYMENT.DECISION_COMMENT, comment)
                .set(DEPLOYMENT.RUN_CAUSE_EVENT_ID, runCauseEventId)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId), DEPLOYMENT.STATUS.eq(from.name()))
                .execute() == 1, to);
    }

    /** A failed deployment asked to run again, as attempt {@code attempt}. */
    public boolean retry(UUID deploymentId, int attempt, String requestedBy, UUID runCauseEventId, OffsetDateTime now) {
        return db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, DeploymentStatus.REQUESTED.name())
                .set(DEPLOYMENT.ATTEMPT, attempt)
                .set(DEPLOYMENT.REQUESTED_BY, requestedBy)
                .set(DEPLOYMENT.RUN_CAUSE_EVENT_ID, runCauseEventId)
                .setNull(DEPLOYMENT.FAILED_RESOURCE)
                .setNull(DEPLOYMENT.ERROR)
                .setNull(DEPLOYMENT.PLAN_TO_ADD)
                .setNull(DEPLOYMENT.PLAN_TO_CHANGE)
                .setNull(DEPLOYMENT.PLAN_TO_DESTROY)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId), DEPLOYMENT.STATUS.eq(DeploymentStatus.FAILED.name()),
                        DEPLOYMENT.ATTEMPT.eq(attempt - 1))
                .execute() == 1;
    }

    /** A worker step: {@code from} to {@code to}, recording which worker did it. */
    public boolean advance(UUID deploymentId, int attempt, DeploymentStatus from, DeploymentStatus to, String worker,
            OffsetDateTime now) {
        return db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, to.name())
                .set(DEPLOYMENT.WORKER, worker)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(running(deploymentId, attempt, from))
                .execute() == 1;
    }

    public boolean planned(UUID deploymentId, int attempt, long toAdd, long toChange, long toDestroy, OffsetDateTime now) {
        return db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, DeploymentStatus.PLANNED.name())
                .set(DEPLOYMENT.PLAN_TO_ADD, (int) toAdd)
                .set(DEPLOYMENT.PLAN_TO_CHANGE, (int) toChange)
                .set(DEPLOYMENT.PLAN_TO_DESTROY, (int) toDestroy)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(running(deploymentId, attempt, DeploymentStatus.PLANNING))
                .execute() == 1;
    }

    /**
     * A plan made for an approver: PLANNING to AWAITING_APPROVAL with the plan's counts, undecided
     * (an earlier approval was of another plan); the decision will react to {@code awaitingEventId}.
     */
    public boolean plannedForApproval(UUID deploymentId, int attempt, long toAdd, long toChange, long toDestroy,
            String statusReason, UUID awaitingEventId, OffsetDateTime now) {
        return db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, DeploymentStatus.AWAITING_APPROVAL.name())
                .set(DEPLOYMENT.RUN_CAUSE_EVENT_ID, awaitingEventId)
                .set(DEPLOYMENT.STATUS_REASON, statusReason)
                .set(DEPLOYMENT.PLAN_TO_ADD, (int) toAdd)
                .set(DEPLOYMENT.PLAN_TO_CHANGE, (int) toChange)
                .set(DEPLOYMENT.PLAN_TO_DESTROY, (int) toDestroy)
                .setNull(DEPLOYMENT.DECIDED_BY)
                .setNull(DEPLOYMENT.DECISION_COMMENT)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(running(deploymentId, attempt, DeploymentStatus.PLANNING))
                .execute() == 1;
    }

    public boolean finished(UUID deploymentId, int attempt, DeploymentStatus to, int resourcesChanged, OffsetDateTime now) {
        return counted(db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, to.name())
                .set(DEPLOYMENT.RESOURCES_CHANGED, resourcesChanged)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(running(deploymentId, attempt, DeploymentStatus.APPLYING))
                .execute() == 1, to);
    }

    public boolean failed(UUID deploymentId, int attempt, DeploymentStatus from, String failedResource, String error,
            UUID failedEventId, OffsetDateTime now) {
        return counted(db.update(DEPLOYMENT)
                .set(DEPLOYMENT.STATUS, DeploymentStatus.FAILED.name())
                .set(DEPLOYMENT.FAILED_RESOURCE, failedResource)
                .set(DEPLOYMENT.ERROR, error)
                .set(DEPLOYMENT.RUN_CAUSE_EVENT_ID, failedEventId)
                .set(DEPLOYMENT.UPDATED_AT, now)
                .where(running(deploymentId, attempt, from))
                .execute() == 1, DeploymentStatus.FAILED);
    }

    /** Apply deployments of versions up to {@code throughVersion} that have not started: superseded by a newer version or a destroy. */
    public List<Deployment> waitingApplies(String blueprintId, int throughVersion) {
        return db.selectFrom(DEPLOYMENT)
                .where(DEPLOYMENT.BLUEPRINT_ID.eq(blueprintId),
                        DEPLOYMENT.OPERATION.eq(DeploymentOperation.APPLY.name()),
                        DEPLOYMENT.BLUEPRINT_VERSION.le(throughVersion),
                        DEPLOYMENT.STATUS.in(DeploymentStatus.AWAITING_APPROVAL.name(), DeploymentStatus.REQUESTED.name()))
                .orderBy(DEPLOYMENT.SEQ)
                .fetch(DeploymentStore::deployment);
    }

    /** The blueprint's latest deployment that ever started executing, whatever its operation. */
    public Optional<Deployment> lastExecuted(String blueprintId) {
        return db.selectFrom(DEPLOYMENT)
                .where(DEPLOYMENT.BLUEPRINT_ID.eq(blueprintId), DEPLOYMENT.STATUS.in(EXECUTED))
                .orderBy(DEPLOYMENT.SEQ.desc())
                .limit(1)
                .fetchOptional(DeploymentStore::deployment);
    }

    /** The blueprint's destroy that has not finished yet (awaiting its four-eyes approval included), if any. */
    public Optional<Deployment> activeDestroy(String blueprintId) {
        return db.selectFrom(DEPLOYMENT)
                .where(DEPLOYMENT.BLUEPRINT_ID.eq(blueprintId),
                        DEPLOYMENT.OPERATION.eq(DeploymentOperation.DESTROY.name()),
                        DEPLOYMENT.STATUS.in(ACTIVE).or(DEPLOYMENT.STATUS.eq(DeploymentStatus.AWAITING_APPROVAL.name())))
                .orderBy(DEPLOYMENT.SEQ)
                .limit(1)
                .fetchOptional(DeploymentStore::deployment);
    }

    /** True when a deployment of the blueprint opened after {@code seq} has run or may still run. */
    public boolean hasLaterLiveDeployment(String blueprintId, long seq) {
        return db.fetchExists(DEPLOYMENT, DEPLOYMENT.BLUEPRINT_ID.eq(blueprintId), DEPLOYMENT.SEQ.gt(seq),
                DEPLOYMENT.STATUS.notIn(DeploymentStatus.BLOCKED.name(), DeploymentStatus.REJECTED.name(),
                        DeploymentStatus.SUPERSEDED.name()));
    }

    /**
     * Stacks whose latest executed deployment succeeded (not failed, not destroyed), oldest
     * first, each with whether a newer deployment is requested or running; {@code tenantId} and
     * {@code blueprintId} narrow the search when not null.
     */
    public List<DeployedStack> deployedStacks(String tenantId, String blueprintId) {
        var later = DEPLOYMENT.as("later");
        var active = DEPLOYMENT.as("active");
        Condition scope = DSL.noCondition();
        if (tenantId != null) {
            scope = scope.and(DEPLOYMENT.TENANT_ID.eq(tenantId));
        }
        if (blueprintId != null) {
            scope = scope.and(DEPLOYMENT.BLUEPRINT_ID.eq(blueprintId));
        }
        var inProgress = DSL.field(DSL.exists(DSL.selectOne().from(active).where(
                active.BLUEPRINT_ID.eq(DEPLOYMENT.BLUEPRINT_ID), active.STATUS.in(ACTIVE)))).as("in_progress");
        return db.select(DEPLOYMENT.asterisk(), inProgress)
                .from(DEPLOYMENT)
                .where(scope, DEPLOYMENT.STATUS.eq(DeploymentStatus.SUCCEEDED.name()),
                        DEPLOYMENT.OPERATION.eq(DeploymentOperation.APPLY.name()))
                .andNotExists(DSL.selectOne().from(later).where(
                        later.BLUEPRINT_ID.eq(DEPLOYMENT.BLUEPRINT_ID),
                        later.SEQ.gt(DEPLOYMENT.SEQ),
                        later.STATUS.in(EXECUTED)))
                .orderBy(DEPLOYMENT.SEQ)
                .fetch(row -> new DeployedStack(deployment(row.into(DEPLOYMENT)), row.get(inProgress)));
    }

    /**
     * Per address, the blueprint's last applied change of the resource when that change left it in
     * place (a create, update or replacement, not a delete), over all of its deployments.
     */
    public Map<String, AppliedChange> lastAppliedChanges(String blueprintId) {
        Map<String, AppliedChange> last = new HashMap<>();
        db.select(DEPLOYMENT_CHANGE.ADDRESS, DEPLOYMENT_CHANGE.RESOURCE_NAME, DEPLOYMENT_CHANGE.RESOURCE_TYPE,
                        DEPLOYMENT_CHANGE.DEPLOYMENT_ID, DEPLOYMENT_CHANGE.PROVIDER_ID, DEPLOYMENT_CHANGE.ACTION,
                        DEPLOYMENT_CHANGE.ATTRIBUTES)
                .from(DEPLOYMENT_CHANGE)
                .join(DEPLOYMENT).on(DEPLOYMENT.DEPLOYMENT_ID.eq(DEPLOYMENT_CHANGE.DEPLOYMENT_ID))
                .where(DEPLOYMENT.BLUEPRINT_ID.eq(blueprintId),
                        DEPLOYMENT_CHANGE.STATE.eq(ChangeState.APPLIED.name()))
                .orderBy(DEPLOYMENT.SEQ, DEPLOYMENT_CHANGE.ATTEMPT, DEPLOYMENT_CHANGE.UPDATED_AT, DEPLOYMENT_CHANGE.POSITION)
                .forEach(row -> {
                    if (ChangeAction.valueOf(row.value6()) == ChangeAction.DELETE) {
                        last.remove(row.value1());
                    } else {
                        last.put(row.value1(), new AppliedChange(row.value1(), row.value2(), row.value3(), row.value4(),
                                row.value5(), row.value7() == null ? null : JSON_MAPPER.readValue(row.value7().data(), ATTRIBUTES)));
                    }
                });
        return last;
    }

    /**
     * Active deployments that are the oldest active one of their blueprint, oldest first: what
     * the workers may run now (one deployment at a time per stack).
     */
    public List<Runnable> runnable(int limit) {
        var other = DEPLOYMENT.as("earlier");
        return db.select(DEPLOYMENT.DEPLOYMENT_ID, DEPLOYMENT.BLUEPRINT_ID)
                .from(DEPLOYMENT)
                .where(DEPLOYMENT.STATUS.in(ACTIVE))
                .andNotExists(DSL.selectOne().from(other).where(
                        other.BLUEPRINT_ID.eq(DEPLOYMENT.BLUEPRINT_ID),
                        other.STATUS.in(ACTIVE),
                        other.SEQ.lt(DEPLOYMENT.SEQ)))
                .orderBy(DEPLOYMENT.SEQ)
                .limit(limit)
                .fetch(row -> new Runnable(row.value1(), row.value2()));
    }

    /** A deployment a worker may run, and the blueprint (stack) it locks for that. */
    public record Runnable(UUID deploymentId, String blueprintId) {
    }

    // --- the persisted plan of an attempt ---

    /** Adds changes to the attempt's plan after the ones it has; changes already there are left alone. */
    public void addChanges(UUID deploymentId, int attempt, Collection<PlannedChange> changes, OffsetDateTime now) {
        int next = db.select(DSL.coalesce(DSL.max(DEPLOYMENT_CHANGE.POSITION), -1))
                .from(DEPLOYMENT_CHANGE)
                .where(DEPLOYMENT_CHANGE.DEPLOYMENT_ID.eq(deploymentId), DEPLOYMENT_CHANGE.ATTEMPT.eq(attempt))
                .fetchSingle().value1() + 1;
        for (PlannedChange change : changes) {
            db.insertInto(DEPLOYMENT_CHANGE)
                    .set(DEPLOYMENT_CHANGE.DEPLOYMENT_ID, deploymentId)
                    .set(DEPLOYMENT_CHANGE.ATTEMPT, attempt)
                    .set(DEPLOYMENT_CHANGE.ADDRESS, change.address())
                    .set(DEPLOYMENT_CHANGE.RESOURCE_NAME, change.resourceName())
                    .set(DEPLOYMENT_CHANGE.POSITION, next++)
                    .set(DEPLOYMENT_CHANGE.RESOURCE_TYPE, change.type())
                    .set(DEPLOYMENT_CHANGE.ACTION, change.action().name())
                    .set(DEPLOYMENT_CHANGE.STATE, ChangeState.PENDING.name())
                    .set(DEPLOYMENT_CHANGE.UPDATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    /** Replaces the attempt's plan (none of it applied yet) with {@code changes}. */
    public void replaceChanges(UUID deploymentId, int attempt, Collection<PlannedChange> changes, OffsetDateTime now) {
        db.deleteFrom(DEPLOYMENT_CHANGE)
                .where(DEPLOYMENT_CHANGE.DEPLOYMENT_ID.eq(deploymentId), DEPLOYMENT_CHANGE.ATTEMPT.eq(attempt))
                .execute();
        addChanges(deploymentId, attempt, changes, now);
    }

    public List<PlannedChangeRow> changes(UUID deploymentId, int attempt) {
        return db.selectFrom(DEPLOYMENT_CHANGE)
                .where(DEPLOYMENT_CHANGE.DEPLOYMENT_ID.eq(deploymentId), DEPLOYMENT_CHANGE.ATTEMPT.eq(attempt))
                .orderBy(DEPLOYMENT_CHANGE.POSITION)
                .fetch(row -> new PlannedChangeRow(row.getAddress(), row.getResourceName(), row.getPosition(),
                        row.getResourceType(), ChangeAction.valueOf(row.getAction()), ChangeState.valueOf(row.getState())));
    }

    /**
     * Records how a change ended; false if it had ended already.
     *
     * @param attributes what the change reported of the resource (empty for a delete or a failure)
     */
    public boolean changeEnded(UUID deploymentId, int attempt, String address, ChangeAction action, ChangeState state,
            String providerId, Map<String, String> attributes, String error, OffsetDateTime now) {
        return db.update(DEPLOYMENT_CHANGE)
                .set(DEPLOYMENT_CHANGE.STATE, state.name())
                .set(DEPLOYMENT_CHANGE.PROVIDER_ID, providerId)
                .set(DEPLOYMENT_CHANGE.ATTRIBUTES, attributes.isEmpty() ? null
                        : JSON.valueOf(JSON_MAPPER.writeValueAsString(attributes)))
                .set(DEPLOYMENT_CHANGE.ERROR, error)
                .set(DEPLOYMENT_CHANGE.UPDATED_AT, now)
                .where(DEPLOYMENT_CHANGE.DEPLOYMENT_ID.eq(deploymentId), DEPLOYMENT_CHANGE.ATTEMPT.eq(attempt),
                        DEPLOYMENT_CHANGE.ADDRESS.eq(address),
                        DEPLOYMENT_CHANGE.ACTION.eq(action.name()),
                        DEPLOYMENT_CHANGE.STATE.eq(ChangeState.PENDING.name()))
                .execute() == 1;
    }

    public int appliedCount(UUID deploymentId, int attempt) {
        return db.fetchCount(DEPLOYMENT_CHANGE, DEPLOYMENT_CHANGE.DEPLOYMENT_ID.eq(deploymentId),
                DEPLOYMENT_CHANGE.ATTEMPT.eq(attempt), DEPLOYMENT_CHANGE.STATE.eq(ChangeState.APPLIED.name()));
    }

    private static Condition running(UUID deploymentId, int attempt, DeploymentStatus from) {
        return DEPLOYMENT.DEPLOYMENT_ID.eq(deploymentId)
                .and(DEPLOYMENT.ATTEMPT.eq(attempt))
                .and(DEPLOYMENT.STATUS.eq(from.name()));
    }

    private static List<String> names(Collection<DeploymentStatus> statuses) {
        return statuses.stream().map(Enum::name).toList();
    }

    private static Deployment deployment(DeploymentRecord row) {
        return new Deployment(
                row.getDeploymentId(), row.getSeq(), row.getTenantId(), row.getBlueprintId(), row.getBlueprintVersion(),
                row.getTrackingId(), DeploymentOperation.valueOf(row.getOperation()),
                DeploymentStatus.valueOf(row.getStatus()), row.getStatusReason(), row.getAttempt(),
                row.getRunCauseEventId(), row.getBlueprintName(), row.getCloud(), row.getRegion(),
                row.getBlueprintJson(), row.getIacContentHash(), row.getExecutor(), row.getRequestedBy(),
                row.getDecidedBy(), row.getDecisionComment(), row.getPlanToAdd(), row.getPlanToChange(),
                row.getPlanToDestroy(), row.getResourcesChanged(), row.getFailedResource(), row.getError(),
                row.getCreatedAt(), row.getUpdatedAt());
    }
}
