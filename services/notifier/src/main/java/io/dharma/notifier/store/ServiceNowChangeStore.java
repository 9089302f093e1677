package io.dharma.notifier.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** The change requests opened in ServiceNow ({@code notifier.servicenow_change}), until their decision is relayed. */
public class ServiceNowChangeStore {

    /** An open change request, with its subscription (instance, credentials, approval key). */
    public record OpenChange(Subscription subscription, String deploymentId, String sysId, String number) {
    }

    private final DSLContext dsl;

    public ServiceNowChangeStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @return whether a change request was already recorded for this deployment (a resent delivery) */
    public boolean exists(UUID subscriptionId, String deploymentId) {
        return dsl.resultQuery("select 1 from notifier.servicenow_change where subscription_id = ? and deployment_id = ?",
                subscriptionId, deploymentId).fetchOptional().isPresent();
    }

    public void opened(UUID subscriptionId, String tenantId, String deploymentId, String sysId, String number, Instant now) {
        dsl.execute("insert into notifier.servicenow_change (subscription_id, deployment_id, tenant_id, sys_id, number, created_at)"
                        + " values (?, ?, ?, ?, ?, cast(? as timestamptz)) on conflict (subscription_id, deployment_id) do nothing",
                subscriptionId, deploymentId, tenantId, sysId, number, DeliveryStore.utc(now));
    }

    public List<OpenChange> open(int limit) {
        return dsl.resultQuery("select c.deployment_id, c.sys_id, c.number,"
                        + " s.id, s.tenant_id, s.target, s.url, s.events, s.blueprint_ids, s.environments, s.options,"
                        + " s.secret_ciphertext, s.created_by, s.created_at"
                        + " from notifier.servicenow_change c join notifier.subscription s on s.id = c.subscription_id"
                        + " where c.relayed_at is null order by c.created_at limit ?", limit)
                .fetch().map(row -> new OpenChange(SubscriptionStore.subscription(row), row.get("deployment_id", String.class),
                        row.get("sys_id", String.class), row.get("number", String.class)));
    }

    public void relayed(UUID subscriptionId, String deploymentId, String decision, String decidedBy, Instant now) {
        dsl.execute("update notifier.servicenow_change set decision = ?, decided_by = ?, relayed_at = cast(? as timestamptz)"
                + " where subscription_id = ? and deployment_id = ?", decision, decidedBy, DeliveryStore.utc(now),
                subscriptionId, deploymentId);
    }
}
