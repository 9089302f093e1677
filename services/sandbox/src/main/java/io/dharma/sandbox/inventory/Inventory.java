package io.dharma.sandbox.inventory;

import static io.dharma.sandbox.db.Tables.OPERATION;
import static io.dharma.sandbox.db.Tables.RESOURCE;

import io.dharma.executor.Stack;
import io.dharma.sandbox.db.tables.records.OperationRecord;
import io.dharma.sandbox.db.tables.records.ResourceRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The sandbox cloud's inventory and audit log in PostgreSQL (schema {@code sandbox}). Every
 * method runs in the caller's (Spring-managed) transaction.
 */
public class Inventory {

    private final DSLContext db;

    public Inventory(DSLContext db) {
        this.db = db;
    }

    /**
     * The inventory id of a resource: derived from (tenant, blueprint, name), so it is known before
     * the resource exists and stays the same when it is deleted and created again.
     */
    public static UUID resourceId(String tenantId, String blueprintId, String name) {
        return UUID.nameUUIDFromBytes((tenantId + "\n" + blueprintId + "\n" + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The stack's resources, oldest first. */
    public List<StoredResource> list(Stack stack) {
        return listBlueprint(stack.tenantId(), stack.blueprintId());
    }

    public List<StoredResource> listBlueprint(String tenantId, String blueprintId) {
        return db.selectFrom(RESOURCE)
                .where(RESOURCE.TENANT_ID.eq(tenantId), RESOURCE.BLUEPRINT_ID.eq(blueprintId))
                .orderBy(RESOURCE.CREATED_AT, RESOURCE.NAME)
                .fetch(Inventory::resource);
    }

    /** Up to {@code limit} of the tenant's resources, by blueprint then age. */
    public List<StoredResource> listTenant(String tenantId, int limit) {
        return db.selectFrom(RESOURCE)
                .where(RESOURCE.TENANT_ID.eq(tenantId))
                .orderBy(RESOURCE.BLUEPRINT_ID, RESOURCE.CREATED_AT, RESOURCE.NAME)
                .limit(limit)
                .fetch(Inventory::resource);
    }

    public Optional<StoredResource> find(Stack stack, String name) {
        return db.selectFrom(RESOURCE)
                .where(RESOURCE.ID.eq(resourceId(stack.tenantId(), stack.blueprintId(), name)))
                .fetchOptional(Inventory::resource);
    }

    /** The resource, locked until the transaction ends. */
    public Optional<StoredResource> findForUpdate(Stack stack, String name) {
        return findForUpdate(stack.tenantId(), resourceId(stack.tenantId(), stack.blueprintId(), name));
    }

    public Optional<StoredResource> find(String tenantId, UUID id) {
        return db.selectFrom(RESOURCE)
                .where(RESOURCE.ID.eq(id), RESOURCE.TENANT_ID.eq(tenantId))
                .fetchOptional(Inventory::resource);
    }

    public Optional<StoredResource> findForUpdate(String tenantId, UUID id) {
        return db.selectFrom(RESOURCE)
                .where(RESOURCE.ID.eq(id), RESOURCE.TENANT_ID.eq(tenantId))
                .forUpdate()
                .fetchOptional(Inventory::resource);
    }

    /**
     * Inserts {@code resource} unless its stack already has a resource of that name (the unique
     * constraints decide, so of two racing inserts exactly one wins); empty when it existed. No
     * conflict target: racing duplicates carry the same id too, and a conflict on the primary key
     * is not caught by an ON CONFLICT naming the name constraint.
     */
    public Optional<StoredResource> insertIfAbsent(StoredResource resource) {
        return db.insertInto(RESOURCE)
                .set(RESOURCE.ID, resource.id())
                .set(RESOURCE.TENANT_ID, resource.tenantId())
                .set(RESOURCE.BLUEPRINT_ID, resource.blueprintId())
                .set(RESOURCE.BLUEPRINT_NAME, resource.blueprintName())
                .set(RESOURCE.NAME, resource.name())
                .set(RESOURCE.TYPE, resource.type())
                .set(RESOURCE.CLOUD, resource.cloud())
                .set(RESOURCE.REGION, resource.region())
                .set(RESOURCE.PROVIDER_ID, resource.providerId())
                .set(RESOURCE.ATTRIBUTES, JsonValues.attributes(resource.attributes()))
                .set(RESOURCE.PROVIDER_ATTRIBUTES, JsonValues.strings(resource.providerAttributes()))
                .set(RESOURCE.DEPENDS_ON, JsonValues.list(resource.dependsOn()))
                .set(RESOURCE.VERSION, resource.version())
                .set(RESOURCE.CREATED_AT, resource.createdAt())
                .set(RESOURCE.UPDATED_AT, resource.updatedAt())
                .onConflictDoNothing()
                .returning()
                .fetchOptional(Inventory::resource);
    }

    /** Replaces the resource's attributes and moves it to its next version. */
    public StoredResource update(StoredResource current, Map<String, Object> attributes,
            Map<String, String> providerAttributes, List<String> dependsOn, OffsetDateTime now) {
        return db.update(RESOURCE)
                .set(RESOURCE.ATTRIBUTES, JsonValues.attributes(attributes))
                .set(RESOURCE.PROVIDER_ATTRIBUTES, JsonValues.strings(providerAttributes))
                .set(RESOURCE.DEPENDS_ON, JsonValues.list(dependsOn))
                .set(RESOURCE.VERSION, RESOURCE.VERSION.plus(1))
                .set(RESOURCE.UPDATED_AT, now)
                .where(RESOURCE.ID.eq(current.id()))
                .returning()
                .fetchSingle(Inventory::resource);
    }

    /** Deletes the resource if it exists (and, when {@code type} is given, has that type); returns what was deleted. */
    public Optional<StoredResource> delete(String tenantId, UUID id, String type) {
        var condition = RESOURCE.ID.eq(id).and(RESOURCE.TENANT_ID.eq(tenantId));
        if (type != null) {
            condition = condition.and(RESOURCE.TYPE.eq(type));
        }
        return db.deleteFrom(RESOURCE).where(condition).returning().fetchOptional(Inventory::resource);
    }

    /** Appends to the audit log: what happened to {@code resource} (its state after, or before a delete). */
    public void log(StoredResource resource, OperationKind kind, String actor, OffsetDateTime at, String detail) {
        db.insertInto(OPERATION)
                .set(OPERATION.RESOURCE_ID, resource.id())
                .set(OPERATION.TENANT_ID, resource.tenantId())
                .set(OPERATION.BLUEPRINT_ID, resource.blueprintId())
                .set(OPERATION.RESOURCE_NAME, resource.name())
                .set(OPERATION.RESOURCE_TYPE, resource.type())
                .set(OPERATION.KIND, kind.name())
                .set(OPERATION.ACTOR, actor)
                .set(OPERATION.OCCURRED_AT, at)
                .set(OPERATION.RESOURCE_VERSION, resource.version())
                .set(OPERATION.PROVIDER_ID, resource.providerId())
                .set(OPERATION.ATTRIBUTES, JsonValues.attributes(resource.attributes()))
                .set(OPERATION.PROVIDER_ATTRIBUTES, JsonValues.strings(resource.providerAttributes()))
                .set(OPERATION.DETAIL, detail)
                .execute();
    }

    /** Appends a failure for a resource the inventory does not have. */
    public void logFailure(Stack stack, String name, String type, String actor, OffsetDateTime at, String detail) {
        db.insertInto(OPERATION)
                .set(OPERATION.RESOURCE_ID, resourceId(stack.tenantId(), stack.blueprintId(), name))
                .set(OPERATION.TENANT_ID, stack.tenantId())
                .set(OPERATION.BLUEPRINT_ID, stack.blueprintId())
                .set(OPERATION.RESOURCE_NAME, name)
                .set(OPERATION.RESOURCE_TYPE, type == null ? "" : type)
                .set(OPERATION.KIND, OperationKind.FAILED.name())
                .set(OPERATION.ACTOR, actor)
                .set(OPERATION.OCCURRED_AT, at)
                .set(OPERATION.DETAIL, detail)
                .execute();
    }

    /**
     * The last state the audit log recorded for a resource that may be gone (of {@code type}, when
     * given), as the resource was then.
     */
    public Optional<Operation> lastKnownState(String tenantId, UUID id, String type) {
        var condition = OPERATION.RESOURCE_ID.eq(id).and(OPERATION.TENANT_ID.eq(tenantId)).and(OPERATION.ATTRIBUTES.isNotNull());
        if (type != null) {
            condition = condition.and(OPERATION.RESOURCE_TYPE.eq(type));
        }
        return db.selectFrom(OPERATION).where(condition).orderBy(OPERATION.ID.desc()).limit(1).fetchOptional(Inventory::operation);
    }

    /** Everything the audit log has about a resource, oldest first. */
    public List<Operation> operations(String tenantId, UUID id) {
        return db.selectFrom(OPERATION)
                .where(OPERATION.RESOURCE_ID.eq(id), OPERATION.TENANT_ID.eq(tenantId))
                .orderBy(OPERATION.ID)
                .fetch(Inventory::operation);
    }

    private static StoredResource resource(ResourceRecord row) {
        return new StoredResource(row.getId(), row.getTenantId(), row.getBlueprintId(), row.getBlueprintName(),
                row.getName(), row.getType(), row.getCloud(), row.getRegion(), row.getProviderId(),
                JsonValues.attributes(row.getAttributes()), JsonValues.strings(row.getProviderAttributes()),
                JsonValues.list(row.getDependsOn()), row.getVersion(), row.getCreatedAt(), row.getUpdatedAt());
    }

    private static Operation operation(OperationRecord row) {
        return new Operation(row.getId(), row.getResourceName(), row.getResourceType(), OperationKind.valueOf(row.getKind()),
                row.getActor(), row.getOccurredAt(), row.getResourceVersion(), row.getProviderId(),
                JsonValues.attributes(row.getAttributes()),
                row.getProviderAttributes() == null ? null : JsonValues.strings(row.getProviderAttributes()),
                row.getDetail());
    }
}
