package io.dharma.orchestrator.outbox;

import static io.dharma.orchestrator.db.Tables.OUTBOX;

import io.dharma.events.DeploymentEvent;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * Where every deployment event is written, in the same database transaction as the state change
 * it reports; {@link OutboxRelay} publishes it afterwards. The caller must hold the blueprint's
 * row lock (see {@code BlueprintStore#lock}), so one blueprint's events are numbered in commit
 * order.
 */
public class Outbox {

    private final DSLContext db;
    private final OutboxSignal signal;

    public Outbox(DSLContext db, OutboxSignal signal) {
        this.db = db;
        this.signal = signal;
    }

    /**
     * Stores the event for publishing; false (and nothing stored) if an event with its eventId is
     * already there, which is how a step repeated after a crash is kept from being reported twice.
     */
    public boolean add(DeploymentEvent event, OffsetDateTime now) {
        boolean added = db.insertInto(OUTBOX)
                .set(OUTBOX.EVENT_ID, event.getEnvelope().getEventId())
                .set(OUTBOX.BLUEPRINT_ID, event.getEnvelope().getBlueprintId())
                .set(OUTBOX.DEPLOYMENT_ID, UUID.fromString(event.getDeploymentId()))
                .set(OUTBOX.EVENT_TYPE, event.getPayload().getClass().getSimpleName())
                .set(OUTBOX.PAYLOAD, OutboxSchemas.encode(event))
                .set(OUTBOX.CREATED_AT, now)
                .onConflict(OUTBOX.EVENT_ID)
                .doNothing()
                .execute() == 1;
        if (added) {
            signal.wakeUpAfterCommit();
        }
        return added;
    }
}
