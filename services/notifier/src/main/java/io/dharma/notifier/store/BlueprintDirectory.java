package io.dharma.notifier.store;

import java.util.Optional;
import org.jooq.DSLContext;

/** Each blueprint's name and environment, from dharma.blueprints.v1 (no later event carries them). */
public class BlueprintDirectory {

    /** A blueprint as notifications name it. */
    public record KnownBlueprint(String name, String environment) {
    }

    private final DSLContext dsl;

    public BlueprintDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void remember(String blueprintId, String tenantId, String name, String environment) {
        dsl.execute("insert into notifier.blueprint (blueprint_id, tenant_id, name, environment) values (?, ?, ?, ?)"
                + " on conflict (blueprint_id) do update set name = excluded.name, environment = excluded.environment",
                blueprintId, tenantId, name, environment);
    }

    public Optional<KnownBlueprint> find(String blueprintId) {
        return dsl.resultQuery("select name, environment from notifier.blueprint where blueprint_id = ?", blueprintId)
                .fetchOptional().map(row -> new KnownBlueprint(row.get("name", String.class), row.get("environment", String.class)));
    }
}
