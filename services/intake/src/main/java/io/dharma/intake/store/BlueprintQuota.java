package io.dharma.intake.store;

import static io.dharma.intake.db.Tables.BLUEPRINT;

import io.dharma.web.quota.TenantQuota;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The tenant's blueprints (each counts once, whatever its versions), in the caller's transaction. */
@Component
public class BlueprintQuota implements TenantQuota {

    private final DSLContext db;

    public BlueprintQuota(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return BLUEPRINTS;
    }

    @Override
    public long used(String tenant) {
        return db.fetchCount(BLUEPRINT, BLUEPRINT.TENANT_ID.eq(tenant));
    }
}
