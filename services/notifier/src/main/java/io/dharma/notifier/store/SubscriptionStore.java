package io.dharma.notifier.store;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Subscriptions in {@code notifier.subscription}; every read is scoped to a tenant. */
public class SubscriptionStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, tenant_id, target, url, events, blueprint_ids, environments, options,"
            + " secret_ciphertext, created_by, created_at";

    private final DSLContext dsl;

    public SubscriptionStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void insert(Subscription subscription) {
        dsl.execute("insert into notifier.subscription (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamptz))",
                subscription.id(), subscription.tenantId(), subscription.target().kind().id(),
                subscription.target().url().toString(), array(subscription.filter().events()),
                array(subscription.filter().blueprintIds()), array(subscription.filter().environments()),
                JSON.writeValueAsString(subscription.target().options()),
                DSL.val(subscription.secretCiphertext(), SQLDataType.BLOB),
                subscription.createdBy(), DeliveryStore.utc(subscription.createdAt()));
    }

    public Optional<Subscription> find(String tenantId, UUID id) {
        return dsl.resultQuery("select " + COLUMNS + " from notifier.subscription where tenant_id = ? and id = ?", tenantId, id)
                .fetchOptional().map(SubscriptionStore::subscription);
    }

    public List<Subscription> list(String tenantId) {
        return dsl.resultQuery("select " + COLUMNS + " from notifier.subscription where tenant_id = ? order by created_at, id",
                tenantId).fetch().map(SubscriptionStore::subscription);
    }

    public boolean delete(String tenantId, UUID id) {
        return dsl.execute("delete from notifier.subscription where tenant_id = ? and id = ?", tenantId, id) == 1;
    }

    public int count(String tenantId) {
        return dsl.resultQuery("select count(*) from notifier.subscription where tenant_id = ?", tenantId)
                .fetchOne(0, Integer.class);
    }

    /** The tenant's subscriptions that ask for this notification. */
    public List<Subscription> matching(String tenantId, String kind, String blueprintId, String environment) {
        return dsl.resultQuery("select " + COLUMNS + " from notifier.subscription where tenant_id = ? and ? = any(events)"
                        + " and (blueprint_ids is null or ? = any(blueprint_ids))"
                        + " and (environments is null or ? = any(environments))",
                tenantId, kind, blueprintId, environment == null ? "" : environment)
                .fetch().map(SubscriptionStore::subscription);
    }

    static Subscription subscription(Record row) {
        Map<String, String> options = JSON.readValue(row.get("options", String.class), new TypeReference<>() {
        });
        return new Subscription(row.get("id", UUID.class), row.get("tenant_id", String.class),
                new Subscription.Target(TargetKind.of(row.get("target", String.class)).orElseThrow(),
                        URI.create(row.get("url", String.class)), options),
                new Subscription.Filter(list(row.get("events", String[].class)), list(row.get("blueprint_ids", String[].class)),
                        list(row.get("environments", String[].class))),
                row.get("secret_ciphertext", byte[].class), row.get("created_by", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static org.jooq.Field<String[]> array(List<String> values) {
        return DSL.val(values == null ? null : values.toArray(String[]::new), SQLDataType.VARCHAR.array());
    }

    private static List<String> list(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    static Instant instant(Record row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
