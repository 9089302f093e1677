package io.dharma.orchestrator.state;

import static io.dharma.orchestrator.db.Tables.RECEIVED_EVENT;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The input events whose effect on the state has been committed (an inbox). Recording an event
 * and changing the state happen in one database transaction, so a redelivered or re-published
 * event is recognised even when the platform's processed-event log (written only after the Kafka
 * commit) has not seen it.
 */
public class ReceivedEvents {

    private final DSLContext db;

    public ReceivedEvents(DSLContext db) {
        this.db = db;
    }

    /** Records the event; false if it was recorded before (then it must change nothing). */
    public boolean record(UUID eventId, String topic, String eventType, String blueprintId, int version,
            OffsetDateTime now) {
        return db.insertInto(RECEIVED_EVENT)
                .set(RECEIVED_EVENT.EVENT_ID, eventId)
                .set(RECEIVED_EVENT.TOPIC, topic)
                .set(RECEIVED_EVENT.EVENT_TYPE, eventType)
                .set(RECEIVED_EVENT.BLUEPRINT_ID, blueprintId)
                .set(RECEIVED_EVENT.BLUEPRINT_VERSION, version)
                .set(RECEIVED_EVENT.RECEIVED_AT, now)
                .onConflictDoNothing()
                .execute() == 1;
    }
}
