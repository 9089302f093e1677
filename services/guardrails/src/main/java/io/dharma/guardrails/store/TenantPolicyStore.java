package io.dharma.guardrails.store;

import static io.dharma.guardrails.db.Tables.DISABLED_BUILTIN_POLICY;
import static io.dharma.guardrails.db.Tables.TENANT_POLICY;

import io.dharma.guardrails.db.tables.records.TenantPolicyRecord;
import io.dharma.guardrails.policy.Enforcement;
import io.dharma.guardrails.policy.Policy;
import io.dharma.guardrails.policy.Severity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Per-tenant policy state in PostgreSQL (schema {@code guardrails}): the tenant's own policies
 * and the built-ins it has disabled. Every method is one statement, atomic on its own.
 */
public class TenantPolicyStore {

    private final DSLContext db;

    public TenantPolicyStore(DSLContext db) {
        this.db = db;
    }

    /** The tenant's own policies, by id. */
    public List<StoredPolicy> tenantPolicies(String tenant) {
        return db.selectFrom(TENANT_POLICY)
                .where(TENANT_POLICY.TENANT_ID.eq(tenant))
                .orderBy(TENANT_POLICY.POLICY_ID)
                .fetch(TenantPolicyStore::stored);
    }

    public Optional<StoredPolicy> tenantPolicy(String tenant, String policyId) {
        return db.selectFrom(TENANT_POLICY)
                .where(TENANT_POLICY.TENANT_ID.eq(tenant), TENANT_POLICY.POLICY_ID.eq(policyId))
                .fetchOptional(TenantPolicyStore::stored);
    }

    public int countTenantPolicies(String tenant) {
        return db.fetchCount(TENANT_POLICY, TENANT_POLICY.TENANT_ID.eq(tenant));
    }

    /** Stores a new, enabled policy at revision 1; empty if the tenant already has one with that id. */
    public Optional<StoredPolicy> insert(String tenant, Policy policy, String user, OffsetDateTime now) {
        return db.insertInto(TENANT_POLICY)
                .set(TENANT_POLICY.TENANT_ID, tenant)
                .set(TENANT_POLICY.POLICY_ID, policy.id())
                .set(definition(policy))
                .set(TENANT_POLICY.ENABLED, true)
                .set(TENANT_POLICY.REVISION, 1)
                .set(TENANT_POLICY.CREATED_AT, now)
                .set(TENANT_POLICY.UPDATED_AT, now)
                .set(TENANT_POLICY.UPDATED_BY, user)
                .onConflictDoNothing()
                .returning()
                .fetchOptional(TenantPolicyStore::stored);
    }

    /** Replaces the definition of an existing policy (its enabled flag stays); empty if there is none. */
    public Optional<StoredPolicy> update(String tenant, Policy policy, String user, OffsetDateTime now) {
        return db.update(TENANT_POLICY)
                .set(definition(policy))
                .set(TENANT_POLICY.REVISION, TENANT_POLICY.REVISION.plus(1))
                .set(TENANT_POLICY.UPDATED_AT, now)
                .set(TENANT_POLICY.UPDATED_BY, user)
                .where(TENANT_POLICY.TENANT_ID.eq(tenant), TENANT_POLICY.POLICY_ID.eq(policy.id()))
                .returning()
                .fetchOptional(TenantPolicyStore::stored);
    }

    /** Turns a tenant policy on or off; empty if there is none. */
    public Optional<StoredPolicy> setEnabled(String tenant, String policyId, boolean enabled, String user, OffsetDateTime now) {
        return db.update(TENANT_POLICY)
                .set(TENANT_POLICY.ENABLED, enabled)
                .set(TENANT_POLICY.UPDATED_AT, now)
                .set(TENANT_POLICY.UPDATED_BY, user)
                .where(TENANT_POLICY.TENANT_ID.eq(tenant), TENANT_POLICY.POLICY_ID.eq(policyId))
                .returning()
                .fetchOptional(TenantPolicyStore::stored);
    }

    public boolean delete(String tenant, String policyId) {
        return db.deleteFrom(TENANT_POLICY)
                .where(TENANT_POLICY.TENANT_ID.eq(tenant), TENANT_POLICY.POLICY_ID.eq(policyId))
                .execute() == 1;
    }

    /** Ids of the built-in policies the tenant has disabled. */
    public Set<String> disabledBuiltins(String tenant) {
        return db.select(DISABLED_BUILTIN_POLICY.POLICY_ID)
                .from(DISABLED_BUILTIN_POLICY)
                .where(DISABLED_BUILTIN_POLICY.TENANT_ID.eq(tenant))
                .fetchSet(DISABLED_BUILTIN_POLICY.POLICY_ID);
    }

    /** Disables a built-in for the tenant; disabling it again changes nothing. */
    public void disableBuiltin(String tenant, String policyId, String user, OffsetDateTime now) {
        db.insertInto(DISABLED_BUILTIN_POLICY)
                .set(DISABLED_BUILTIN_POLICY.TENANT_ID, tenant)
                .set(DISABLED_BUILTIN_POLICY.POLICY_ID, policyId)
                .set(DISABLED_BUILTIN_POLICY.DISABLED_AT, now)
                .set(DISABLED_BUILTIN_POLICY.DISABLED_BY, user)
                .onConflictDoNothing()
                .execute();
    }

    public void enableBuiltin(String tenant, String policyId) {
        db.deleteFrom(DISABLED_BUILTIN_POLICY)
                .where(DISABLED_BUILTIN_POLICY.TENANT_ID.eq(tenant), DISABLED_BUILTIN_POLICY.POLICY_ID.eq(policyId))
                .execute();
    }

    private static TenantPolicyRecord definition(Policy policy) {
        TenantPolicyRecord record = new TenantPolicyRecord();
        record.setTitle(policy.title());
        record.setSeverity(policy.severity().id());
        record.setEnforcement(policy.enforcement().id());
        record.setResourceTypes(policy.resourceTypes().toArray(String[]::new));
        record.setExpression(policy.expression());
        record.setMessageExpression(policy.messageExpression().orElse(null));
        record.setMessage(policy.message());
        record.setRemediation(policy.remediation().orElse(null));
        return record;
    }

    private static StoredPolicy stored(TenantPolicyRecord row) {
        Policy policy = new Policy(row.getPolicyId(), row.getTitle(),
                Severity.fromId(row.getSeverity()).orElseThrow(),
                Enforcement.fromId(row.getEnforcement()).orElseThrow(),
                List.of(row.getResourceTypes()), row.getExpression(),
                Optional.ofNullable(row.getMessageExpression()), row.getMessage(),
                Optional.ofNullable(row.getRemediation()));
        return new StoredPolicy(policy, row.getEnabled(), row.getRevision(),
                row.getCreatedAt(), row.getUpdatedAt(), row.getUpdatedBy());
    }
}
