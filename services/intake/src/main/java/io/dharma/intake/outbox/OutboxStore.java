package io.dharma.intake.outbox;

import static io.dharma.intake.db.Tables.BLUEPRINT;
import static io.dharma.intake.db.Tables.BLUEPRINT_VERSION;
import static io.dharma.intake.db.Tables.OUTBOX;

import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The outbox rows not yet published, and marking them published. */
@Repository
public class OutboxStore {

    /** Advisory lock key ("dharma-outbox"): one relay publishes at a time, whatever the number of instances. */
    private static final long RELAY_LOCK = 0x6468_6172_6d61_6f62L;

    private final DSLContext db;

    public OutboxStore(DSLContext db) {
        this.db = db;
    }

    /** Takes the relay lock for the current transaction; false if another relay holds it. */
    boolean tryLockRelay() {
        return db.select(DSL.field("pg_try_advisory_xact_lock({0})", Boolean.class, RELAY_LOCK)).fetchSingle().value1();
    }

    /** Unpublished events in commit order of each blueprint (outbox id order), at most {@code limit}. */
    List<PendingEvent> pending(int limit) {
        return db.select(OUTBOX.ID, OUTBOX.EVENT_ID, OUTBOX.BLUEPRINT_ID, OUTBOX.VERSION, BLUEPRINT.TENANT_ID,
                        BLUEPRINT_VERSION.TRACKING_ID, BLUEPRINT_VERSION.DOCUMENT, BLUEPRINT_VERSION.MEDIA_TYPE,
                        BLUEPRINT_VERSION.CANONICAL_JSON, BLUEPRINT_VERSION.CONTENT_HASH, BLUEPRINT_VERSION.SUBMITTED_AT,
                        BLUEPRINT_VERSION.SUBMITTED_BY)
                .from(OUTBOX)
                .join(BLUEPRINT_VERSION).on(BLUEPRINT_VERSION.BLUEPRINT_ID.eq(OUTBOX.BLUEPRINT_ID),
                        BLUEPRINT_VERSION.VERSION.eq(OUTBOX.VERSION))
                .join(BLUEPRINT).on(BLUEPRINT.ID.eq(OUTBOX.BLUEPRINT_ID))
                .where(OUTBOX.PUBLISHED_AT.isNull())
                .orderBy(OUTBOX.ID)
                .limit(limit)
                .fetch(row -> new PendingEvent(
                        row.get(OUTBOX.ID),
                        row.get(OUTBOX.EVENT_ID),
                        row.get(OUTBOX.BLUEPRINT_ID),
                        row.get(OUTBOX.VERSION),
                        row.get(BLUEPRINT.TENANT_ID),
                        row.get(BLUEPRINT_VERSION.TRACKING_ID),
                        row.get(BLUEPRINT_VERSION.DOCUMENT),
                        row.get(BLUEPRINT_VERSION.MEDIA_TYPE),
                        row.get(BLUEPRINT_VERSION.CANONICAL_JSON),
                        row.get(BLUEPRINT_VERSION.CONTENT_HASH),
                        row.get(BLUEPRINT_VERSION.SUBMITTED_AT),
                        row.get(BLUEPRINT_VERSION.SUBMITTED_BY)));
    }

    void markPublished(List<Long> ids, OffsetDateTime now) {
        if (!ids.isEmpty()) {
            db.update(OUTBOX).set(OUTBOX.PUBLISHED_AT, now).where(OUTBOX.ID.in(ids)).execute();
        }
    }

    /** Rows not yet published (for health and metrics). */
    public int unpublishedCount() {
        return db.fetchCount(OUTBOX, OUTBOX.PUBLISHED_AT.isNull());
    }
}
