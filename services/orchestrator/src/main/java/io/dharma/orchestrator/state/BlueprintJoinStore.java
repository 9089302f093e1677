package io.dharma.orchestrator.state;

import static io.dharma.orchestrator.db.Tables.BLUEPRINT;
import static io.dharma.orchestrator.db.Tables.BLUEPRINT_VERSION;

import io.dharma.events.ApprovalMode;
import io.dharma.events.Environment;
import io.dharma.executor.GeneratedTerraform;
import io.dharma.orchestrator.decision.Verdicts;
import io.dharma.orchestrator.db.tables.records.BlueprintRecord;
import io.dharma.orchestrator.db.tables.records.BlueprintVersionRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.TableField;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Blueprints and the join state of their versions. Every method runs in the caller's transaction;
 * callers change a blueprint's state only while holding its row lock ({@link #lock}).
 */
public class BlueprintJoinStore {

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    private final DSLContext db;

    public BlueprintJoinStore(DSLContext db) {
        this.db = db;
    }

    /**
     * Locks the blueprint's row until the transaction ends, creating it on first sight; the
     * returned row is as it was before this event (latestVersion not yet raised).
     */
    public BlueprintRow lockOrCreate(String blueprintId, String tenantId, int version, OffsetDateTime now) {
        db.insertInto(BLUEPRINT)
                .set(BLUEPRINT.BLUEPRINT_ID, blueprintId)
                .set(BLUEPRINT.TENANT_ID, tenantId)
                .set(BLUEPRINT.LATEST_VERSION, version)
                .set(BLUEPRINT.CREATED_AT, now)
                .set(BLUEPRINT.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
        return lock(blueprintId).orElseThrow();
    }

    /** Locks the blueprint's row until the transaction ends. */
    public Optional<BlueprintRow> lock(String blueprintId) {
        return db.selectFrom(BLUEPRINT)
                .where(BLUEPRINT.BLUEPRINT_ID.eq(blueprintId))
                .forUpdate()
                .fetchOptional(BlueprintJoinStore::blueprintRow);
    }

    /**
     * Raises the stack's fencing token and returns it: the token of a claim just taken (under the
     * stack's lock), higher than any earlier claim's.
     */
    public long nextFencingToken(String blueprintId) {
        return db.update(BLUEPRINT)
                .set(BLUEPRINT.FENCING_TOKEN, BLUEPRINT.FENCING_TOKEN.plus(1L))
                .where(BLUEPRINT.BLUEPRINT_ID.eq(blueprintId))
                .returning(BLUEPRINT.FENCING_TOKEN)
                .fetchOptional(BLUEPRINT.FENCING_TOKEN)
                .orElseThrow(() -> new IllegalStateException("no blueprint " + blueprintId + " to claim"));
    }

    public Optional<BlueprintRow> find(String blueprintId) {
        return db.selectFrom(BLUEPRINT)
                .where(BLUEPRINT.BLUEPRINT_ID.eq(blueprintId))
                .fetchOptional(BlueprintJoinStore::blueprintRow);
    }

    public void raiseLatestVersion(String blueprintId, int version, OffsetDateTime now) {
        raise(BLUEPRINT.LATEST_VERSION, blueprintId, version, now);
    }

    public void markDestroyedThrough(String blueprintId, int version, OffsetDateTime now) {
        raise(BLUEPRINT.DESTROYED_THROUGH, blueprintId, version, now);
    }

    /** Sets the blueprint's {@code column} to {@code version} unless it is that high already: a version never goes back. */
    private void raise(TableField<BlueprintRecord, Integer> column, String blueprintId, int version, OffsetDateTime now) {
        db.update(BLUEPRINT)
                .set(column, version)
                .set(BLUEPRINT.UPDATED_AT, now)
                .where(BLUEPRINT.BLUEPRINT_ID.eq(blueprintId), column.lt(version))
                .execute();
    }

    private static BlueprintRow blueprintRow(BlueprintRecord row) {
        return new BlueprintRow(row.getBlueprintId(), row.getTenantId(), row.getLatestVersion(), row.getDestroyedThrough());
    }

    /** Creates the version's join row if it is the first event of that version. */
    public void ensureVersion(String blueprintId, int version, String tenantId, String trackingId, OffsetDateTime now) {
        db.insertInto(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.BLUEPRINT_ID, blueprintId)
                .set(BLUEPRINT_VERSION.VERSION, version)
                .set(BLUEPRINT_VERSION.TENANT_ID, tenantId)
                .set(BLUEPRINT_VERSION.TRACKING_ID, trackingId)
                .set(BLUEPRINT_VERSION.STATE, VersionState.JOINING.name())
                .set(BLUEPRINT_VERSION.CREATED_AT, now)
                .set(BLUEPRINT_VERSION.UPDATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    /** Fills the submission slot; false if it was filled already (by another event for the same version). */
    public boolean recordSubmission(String blueprintId, int version, UUID eventId, JoinedVersion.Submission submission,
            OffsetDateTime now) {
        return db.update(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.SUBMITTED_EVENT_ID, eventId)
                .set(BLUEPRINT_VERSION.BLUEPRINT_NAME, submission.name())
                .set(BLUEPRINT_VERSION.ENVIRONMENT, submission.environment().name())
                .set(BLUEPRINT_VERSION.APPROVAL, submission.approval().name())
                .set(BLUEPRINT_VERSION.CLOUD, submission.cloud())
                .set(BLUEPRINT_VERSION.REGION, submission.region())
                .set(BLUEPRINT_VERSION.BUDGET_MONTHLY, submission.budgetMonthly())
                .set(BLUEPRINT_VERSION.BLUEPRINT_JSON, submission.blueprintJson())
                .set(BLUEPRINT_VERSION.SUBMITTED_BY, submission.submittedBy())
                .set(BLUEPRINT_VERSION.UPDATED_AT, now)
                .where(key(blueprintId, version), BLUEPRINT_VERSION.SUBMITTED_EVENT_ID.isNull())
                .execute() == 1;
    }

    /** @param terraform the generated configuration; null when generation failed */
    public boolean recordIac(String blueprintId, int version, UUID eventId, Verdicts.Iac iac, GeneratedTerraform terraform,
            OffsetDateTime now) {
        return db.update(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.IAC_EVENT_ID, eventId)
                .set(BLUEPRINT_VERSION.IAC_GENERATED, iac.generated())
                .set(BLUEPRINT_VERSION.IAC_CONTENT_HASH, terraform == null ? null : terraform.contentHash())
                .set(BLUEPRINT_VERSION.IAC_TERRAFORM, terraform == null ? null
                        : JSON.valueOf(JSON_MAPPER.writeValueAsString(terraform)))
                .set(BLUEPRINT_VERSION.IAC_FAILURE, iac.failure())
                .set(BLUEPRINT_VERSION.UPDATED_AT, now)
                .where(key(blueprintId, version), BLUEPRINT_VERSION.IAC_EVENT_ID.isNull())
                .execute() == 1;
    }

    public boolean recordGuardrails(String blueprintId, int version, UUID eventId, Verdicts.Guardrails guardrails,
            OffsetDateTime now) {
        return db.update(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.GUARDRAILS_EVENT_ID, eventId)
                .set(BLUEPRINT_VERSION.GUARDRAILS_OUTCOME, guardrails.outcome().name())
                .set(BLUEPRINT_VERSION.GUARDRAILS_BLOCKS, JSON.valueOf(JSON_MAPPER.writeValueAsString(guardrails.blocks())))
                .set(BLUEPRINT_VERSION.GUARDRAILS_WARNINGS, guardrails.warnings())
                .set(BLUEPRINT_VERSION.UPDATED_AT, now)
                .where(key(blueprintId, version), BLUEPRINT_VERSION.GUARDRAILS_EVENT_ID.isNull())
                .execute() == 1;
    }

    public boolean recordCost(String blueprintId, int version, UUID eventId, Verdicts.Cost cost, OffsetDateTime now) {
        return db.update(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.COST_EVENT_ID, eventId)
                .set(BLUEPRINT_VERSION.COST_BUDGET_STATUS, cost.budgetStatus().name())
                .set(BLUEPRINT_VERSION.COST_TOTAL_MONTHLY, cost.totalMonthly())
                .set(BLUEPRINT_VERSION.COST_BUDGET, cost.budget())
                .set(BLUEPRINT_VERSION.COST_CURRENCY, cost.currency())
                .set(BLUEPRINT_VERSION.UPDATED_AT, now)
                .where(key(blueprintId, version), BLUEPRINT_VERSION.COST_EVENT_ID.isNull())
                .execute() == 1;
    }

    public void markVersion(String blueprintId, int version, VersionState state, UUID deploymentId, OffsetDateTime now) {
        db.update(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.STATE, state.name())
                .set(BLUEPRINT_VERSION.DEPLOYMENT_ID, deploymentId)
                .set(BLUEPRINT_VERSION.UPDATED_AT, now)
                .where(key(blueprintId, version))
                .execute();
    }

    /** The Terraform generated for a version, when the generator published it. */
    public Optional<GeneratedTerraform> generatedTerraform(String blueprintId, int version) {
        return db.select(BLUEPRINT_VERSION.IAC_TERRAFORM)
                .from(BLUEPRINT_VERSION)
                .where(key(blueprintId, version), BLUEPRINT_VERSION.IAC_TERRAFORM.isNotNull())
                .fetchOptional(row -> JSON_MAPPER.readValue(row.value1().data(), GeneratedTerraform.class));
    }

    /** The canonical blueprint JSON of a version, when its submission arrived. */
    public Optional<String> blueprintJson(String blueprintId, int version) {
        return db.select(BLUEPRINT_VERSION.BLUEPRINT_JSON)
                .from(BLUEPRINT_VERSION)
                .where(key(blueprintId, version), BLUEPRINT_VERSION.BLUEPRINT_JSON.isNotNull())
                .fetchOptional(row -> row.value1());
    }

    public Optional<JoinedVersion> version(String blueprintId, int version) {
        return db.selectFrom(BLUEPRINT_VERSION).where(key(blueprintId, version)).fetchOptional(BlueprintJoinStore::joined);
    }

    /** Versions below {@code version} whose verdicts are still being joined. */
    public List<JoinedVersion> joiningBefore(String blueprintId, int version) {
        return db.selectFrom(BLUEPRINT_VERSION)
                .where(BLUEPRINT_VERSION.BLUEPRINT_ID.eq(blueprintId),
                        BLUEPRINT_VERSION.VERSION.lt(version),
                        BLUEPRINT_VERSION.STATE.eq(VersionState.JOINING.name()))
                .orderBy(BLUEPRINT_VERSION.VERSION)
                .fetch(BlueprintJoinStore::joined);
    }

    private static org.jooq.Condition key(String blueprintId, int version) {
        return BLUEPRINT_VERSION.BLUEPRINT_ID.eq(blueprintId).and(BLUEPRINT_VERSION.VERSION.eq(version));
    }

    private static JoinedVersion joined(BlueprintVersionRecord row) {
        JoinedVersion.Submission submission = row.getSubmittedEventId() == null ? null : new JoinedVersion.Submission(
                row.getBlueprintName(),
                Environment.valueOf(row.getEnvironment()),
                ApprovalMode.valueOf(row.getApproval()),
                row.getCloud(),
                row.getRegion(),
                row.getBudgetMonthly(),
                row.getBlueprintJson(),
                row.getSubmittedBy());
        Verdicts.Iac iac = row.getIacEventId() == null ? null : new Verdicts.Iac(row.getIacGenerated(), row.getIacFailure());
        Verdicts.Guardrails guardrails = row.getGuardrailsEventId() == null ? null : JoinedVersion.guardrails(
                row.getGuardrailsOutcome(), violations(row.getGuardrailsBlocks()), row.getGuardrailsWarnings());
        Verdicts.Cost cost = row.getCostEventId() == null ? null : JoinedVersion.cost(row.getCostBudgetStatus(),
                row.getCostTotalMonthly(), row.getCostBudget(), row.getCostCurrency());
        return new JoinedVersion(row.getBlueprintId(), row.getVersion(), row.getTenantId(), row.getTrackingId(),
                VersionState.valueOf(row.getState()), submission, iac, row.getIacContentHash(), guardrails, cost,
                row.getDeploymentId());
    }

    private static List<Verdicts.Violation> violations(JSON json) {
        return json == null ? List.of() : JSON_MAPPER.readValue(json.data(), new TypeReference<List<Verdicts.Violation>>() {
        });
    }
}
