package io.dharma.intake.store;

import static io.dharma.intake.db.Tables.BLUEPRINT;
import static io.dharma.intake.db.Tables.BLUEPRINT_VERSION;
import static io.dharma.intake.db.Tables.IDEMPOTENCY_KEY;

import io.dharma.kafka.outbox.Outbox;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.springframework.stereotype.Repository;

/**
 * Blueprints, their versions and idempotency keys in PostgreSQL. Every method runs in the
 * caller's (Spring-managed) transaction.
 */
@Repository
public class BlueprintStore {

    private final DSLContext db;
    private final Outbox outbox;

    public BlueprintStore(DSLContext db, Outbox outbox) {
        this.db = db;
        this.outbox = outbox;
    }

    /**
     * Records that {@code key} belongs to the submission {@code trackingId}; false if the tenant
     * already used the key (a concurrent first use is waited for, then counts as used).
     */
    public boolean claimIdempotencyKey(String tenantId, String key, String requestHash, UUID trackingId, OffsetDateTime now) {
        return db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.TENANT_ID, tenantId)
                .set(IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_, key)
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.TRACKING_ID, trackingId)
                .set(IDEMPOTENCY_KEY.CREATED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }

    public Optional<IdempotencyKeyUse> findIdempotencyKey(String tenantId, String key) {
        return db.select(IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.TRACKING_ID)
                .from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.TENANT_ID.eq(tenantId), IDEMPOTENCY_KEY.IDEMPOTENCY_KEY_.eq(key))
                .fetchOptional(row -> new IdempotencyKeyUse(row.value1(), row.value2()));
    }

    public boolean exists(String tenantId, String name) {
        return db.fetchExists(BLUEPRINT, BLUEPRINT.TENANT_ID.eq(tenantId), BLUEPRINT.NAME.eq(name));
    }

    /**
     * Creates the tenant's blueprint called {@code name} at version 1, or moves an existing one to
     * its next version, and returns its id and the new version. The blueprint row stays locked
     * until the transaction ends, so versions of one blueprint are numbered and committed in order.
     */
    public VersionRef nextVersion(String tenantId, String name, OffsetDateTime now) {
        return db.insertInto(BLUEPRINT)
                .set(BLUEPRINT.ID, UUID.randomUUID())
                .set(BLUEPRINT.TENANT_ID, tenantId)
                .set(BLUEPRINT.NAME, name)
                .set(BLUEPRINT.LATEST_VERSION, 1)
                .set(BLUEPRINT.CREATED_AT, now)
                .set(BLUEPRINT.UPDATED_AT, now)
                .onConflict(BLUEPRINT.TENANT_ID, BLUEPRINT.NAME)
                .doUpdate()
                .set(BLUEPRINT.LATEST_VERSION, BLUEPRINT.LATEST_VERSION.plus(1))
                .set(BLUEPRINT.UPDATED_AT, now)
                .returning(BLUEPRINT.ID, BLUEPRINT.LATEST_VERSION)
                .fetchSingle(row -> new VersionRef(row.getId(), row.getLatestVersion()));
    }

    public void insertVersion(NewVersion version) {
        db.insertInto(BLUEPRINT_VERSION)
                .set(BLUEPRINT_VERSION.BLUEPRINT_ID, version.blueprintId())
                .set(BLUEPRINT_VERSION.VERSION, version.version())
                .set(BLUEPRINT_VERSION.TRACKING_ID, version.trackingId())
                .set(BLUEPRINT_VERSION.DOCUMENT, version.document())
                .set(BLUEPRINT_VERSION.MEDIA_TYPE, version.mediaType())
                .set(BLUEPRINT_VERSION.CANONICAL_JSON, version.canonicalJson())
                .set(BLUEPRINT_VERSION.CONTENT_HASH, version.contentHash())
                .set(BLUEPRINT_VERSION.SUBMITTED_AT, version.submittedAt())
                .set(BLUEPRINT_VERSION.SUBMITTED_BY, version.submittedBy())
                .set(BLUEPRINT_VERSION.EVENT_ID, version.eventId())
                .execute();
    }

    public Optional<TrackedVersion> findByTrackingId(UUID trackingId) {
        return versions().where(BLUEPRINT_VERSION.TRACKING_ID.eq(trackingId)).fetchOptional()
                .map(row -> withPublication(List.of(row)).get(0));
    }

    /** The tenant's blueprint called {@code name}, if it was ever submitted. */
    public Optional<BlueprintSummary> findBlueprintByName(String tenantId, String name) {
        return db.selectFrom(BLUEPRINT)
                .where(BLUEPRINT.TENANT_ID.eq(tenantId), BLUEPRINT.NAME.eq(name))
                .fetchOptional(row -> new BlueprintSummary(
                        row.getId(), row.getName(), row.getLatestVersion(), row.getCreatedAt(), row.getUpdatedAt()));
    }

    public Optional<BlueprintSummary> findBlueprint(String tenantId, UUID blueprintId) {
        return db.selectFrom(BLUEPRINT)
                .where(BLUEPRINT.TENANT_ID.eq(tenantId), BLUEPRINT.ID.eq(blueprintId))
                .fetchOptional(row -> new BlueprintSummary(
                        row.getId(), row.getName(), row.getLatestVersion(), row.getCreatedAt(), row.getUpdatedAt()));
    }

    /** The tenant's blueprints by name, one page. */
    public Page<BlueprintSummary> listBlueprints(String tenantId, int page, int size) {
        int total = db.fetchCount(BLUEPRINT, BLUEPRINT.TENANT_ID.eq(tenantId));
        List<BlueprintSummary> items = db.selectFrom(BLUEPRINT)
                .where(BLUEPRINT.TENANT_ID.eq(tenantId))
                .orderBy(BLUEPRINT.NAME)
                .limit(size)
                .offset((long) page * size)
                .fetch(row -> new BlueprintSummary(
                        row.getId(), row.getName(), row.getLatestVersion(), row.getCreatedAt(), row.getUpdatedAt()));
        return new Page<>(items, page, size, total);
    }

    /** The blueprint's versions, newest first, one page. */
    public Page<TrackedVersion> listVersions(UUID blueprintId, int page, int size) {
        int total = db.fetchCount(BLUEPRINT_VERSION, BLUEPRINT_VERSION.BLUEPRINT_ID.eq(blueprintId));
        List<? extends Record> rows = versions()
                .where(BLUEPRINT_VERSION.BLUEPRINT_ID.eq(blueprintId))
                .orderBy(BLUEPRINT_VERSION.VERSION.desc())
                .limit(size)
                .offset((long) page * size)
                .fetch();
        List<TrackedVersion> items = withPublication(rows);
        return new Page<>(items, page, size, total);
    }

    public Optional<StoredDocument> findDocument(UUID blueprintId, int version) {
        return db.select(BLUEPRINT_VERSION.DOCUMENT, BLUEPRINT_VERSION.MEDIA_TYPE)
                .from(BLUEPRINT_VERSION)
                .where(BLUEPRINT_VERSION.BLUEPRINT_ID.eq(blueprintId), BLUEPRINT_VERSION.VERSION.eq(version))
                .fetchOptional(row -> new StoredDocument(row.value1(), row.value2()));
    }

    private SelectOnConditionStep<? extends Record> versions() {
        return db.select(BLUEPRINT_VERSION.TRACKING_ID, BLUEPRINT_VERSION.BLUEPRINT_ID, BLUEPRINT_VERSION.VERSION,
                        BLUEPRINT.TENANT_ID, BLUEPRINT.NAME, BLUEPRINT_VERSION.CONTENT_HASH,
                        BLUEPRINT_VERSION.SUBMITTED_AT, BLUEPRINT_VERSION.EVENT_ID)
                .from(BLUEPRINT_VERSION)
                .join(BLUEPRINT).on(BLUEPRINT.ID.eq(BLUEPRINT_VERSION.BLUEPRINT_ID));
    }

    /** The versions with their publication, from the platform outbox (one query for the lot). */
    private List<TrackedVersion> withPublication(List<? extends Record> rows) {
        List<UUID> eventIds = rows.stream().map(row -> row.get(BLUEPRINT_VERSION.EVENT_ID)).toList();
        Set<UUID> pending = outbox.pending(eventIds);
        Map<UUID, Instant> publishedAt = outbox.publishedAt(eventIds);
        return rows.stream().map(row -> {
            UUID eventId = row.get(BLUEPRINT_VERSION.EVENT_ID);
            return new TrackedVersion(
                    row.get(BLUEPRINT_VERSION.TRACKING_ID),
                    row.get(BLUEPRINT_VERSION.BLUEPRINT_ID),
                    row.get(BLUEPRINT_VERSION.VERSION),
                    row.get(BLUEPRINT.TENANT_ID),
                    row.get(BLUEPRINT.NAME),
                    row.get(BLUEPRINT_VERSION.CONTENT_HASH),
                    row.get(BLUEPRINT_VERSION.SUBMITTED_AT),
                    !pending.contains(eventId),
                    Optional.ofNullable(publishedAt.get(eventId)).map(at -> at.atOffset(ZoneOffset.UTC)));
        }).toList();
    }
}
