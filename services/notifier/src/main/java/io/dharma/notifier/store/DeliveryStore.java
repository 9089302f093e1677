package io.dharma.notifier.store;

import io.dharma.notifier.delivery.DeliverySignal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Deliveries in {@code notifier.delivery}, keyed by subscription and event id: the listener's
 * insert of an event it already wrote is a no-op, so a redelivered Kafka record sends nothing twice.
 * Workers claim due rows with {@code FOR UPDATE SKIP LOCKED} and push their next attempt past a
 * lease, so a worker that dies mid-call leaves the row to be sent again (at least once; receivers
 * dedupe on the event id).
 */
public class DeliveryStore {

    private final DSLContext dsl;
    private final DeliverySignal pending;

    /** {@code pending} wakes the delivery workers once a delivery made due here is committed. */
    public DeliveryStore(DSLContext dsl, DeliverySignal pending) {
        this.dsl = dsl;
        this.pending = pending;
    }

    /** @return whether the row is new */
    public boolean insertPending(UUID subscriptionId, String tenantId, UUID eventId, String eventType, String cloudEvent,
            Instant now) {
        boolean inserted = dsl.execute("insert into notifier.delivery (subscription_id, event_id, tenant_id, event_type, cloud_event,"
                        + " status, next_attempt_at, created_at) values (?, ?, ?, ?, ?, 'PENDING', cast(? as timestamptz), cast(? as timestamptz))"
                        + " on conflict (subscription_id, event_id) do nothing",
                subscriptionId, eventId, tenantId, eventType, cloudEvent, utc(now), utc(now)) == 1;
        if (inserted) {
            pending.wakeUpAfterCommit();
        }
        return inserted;
    }

    /** Claims up to {@code limit} due rows until {@code leaseUntil}; call in a transaction. */
    public List<ClaimedDelivery> claimDue(int limit, Instant now, Instant leaseUntil) {
        List<ClaimedDelivery> claimed = dsl.resultQuery("select d.event_id, d.event_type, d.cloud_event, d.attempts,"
                        + " s.id, s.tenant_id, s.target, s.url, s.events, s.blueprint_ids, s.environments, s.options,"
                        + " s.secret_ciphertext, s.created_by, s.created_at"
                        + " from notifier.delivery d join notifier.subscription s on s.id = d.subscription_id"
                        + " where d.status = 'PENDING' and d.next_attempt_at <= cast(? as timestamptz)"
                        + " order by d.next_attempt_at limit ? for update of d skip locked", utc(now), limit)
                .fetch().map(row -> new ClaimedDelivery(SubscriptionStore.subscription(row), row.get("event_id", UUID.class),
                        row.get("event_type", String.class), row.get("cloud_event", String.class),
                        row.get("attempts", Integer.class)));
        for (ClaimedDelivery delivery : claimed) {
            postpone(delivery.subscription().id(), delivery.eventId(), leaseUntil);
        }
        return claimed;
    }

    public void postpone(UUID subscriptionId, UUID eventId, Instant until) {
        dsl.execute("update notifier.delivery set next_attempt_at = cast(? as timestamptz) where subscription_id = ? and event_id = ?"
                + " and status = 'PENDING'", utc(until), subscriptionId, eventId);
    }

    public void delivered(UUID subscriptionId, UUID eventId, int attempts, Integer statusCode, Instant now) {
        dsl.execute("update notifier.delivery set status = 'DELIVERED', attempts = ?, last_status_code = ?,"
                        + " last_error = null, delivered_at = cast(? as timestamptz) where subscription_id = ? and event_id = ?",
                attempts, statusCode, utc(now), subscriptionId, eventId);
    }

    /** A failed attempt: pending again at {@code nextAttemptAt}, or a dead letter when that is null. */
    public void failed(UUID subscriptionId, UUID eventId, int attempts, Integer statusCode, String error,
            Instant nextAttemptAt) {
        dsl.execute("update notifier.delivery set status = ?, attempts = ?, last_status_code = ?, last_error = ?,"
                        + " next_attempt_at = coalesce(cast(? as timestamptz), next_attempt_at) where subscription_id = ? and event_id = ?",
                nextAttemptAt == null ? DeliveryStatus.DEAD.name() : DeliveryStatus.PENDING.name(), attempts, statusCode,
                error, utc(nextAttemptAt), subscriptionId, eventId);
    }

    /** The subscription's deliveries, newest first. */
    public List<Delivery> log(UUID subscriptionId, DeliveryStatus status, int limit) {
        return dsl.resultQuery("select subscription_id, event_id, event_type, status, attempts, next_attempt_at,"
                        + " last_status_code, last_error, created_at, delivered_at from notifier.delivery"
                        + " where subscription_id = ? and (cast(? as text) is null or status = ?)"
                        + " order by created_at desc, event_id limit ?",
                subscriptionId, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .fetch().map(DeliveryStore::delivery);
    }

    /** Dead letters (one, or all of the subscription's) pending again with a fresh retry budget. */
    public int redeliver(UUID subscriptionId, UUID eventId, Instant now) {
        int redelivered = dsl.execute("update notifier.delivery set status = 'PENDING', attempts = 0, next_attempt_at = cast(? as timestamptz)"
                        + " where subscription_id = ? and status = 'DEAD' and (cast(? as uuid) is null or event_id = ?)",
                utc(now), subscriptionId, eventId, eventId);
        if (redelivered > 0) {
            pending.wakeUpAfterCommit();
        }
        return redelivered;
    }

    private static Delivery delivery(Record row) {
        return new Delivery(row.get("subscription_id", UUID.class), row.get("event_id", UUID.class),
                row.get("event_type", String.class), DeliveryStatus.valueOf(row.get("status", String.class)),
                new Delivery.Attempts(row.get("attempts", Integer.class), SubscriptionStore.instant(row, "next_attempt_at"),
                        row.get("last_status_code", Integer.class), row.get("last_error", String.class)),
                SubscriptionStore.instant(row, "created_at"), SubscriptionStore.instant(row, "delivered_at"));
    }

    /**
     * A timestamp to bind. jOOQ binds an OffsetDateTime in a plain SQL template as text, so every
     * statement here casts its timestamp parameters ({@code cast(? as timestamptz)}).
     */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
