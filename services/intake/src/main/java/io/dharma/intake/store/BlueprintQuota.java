package io.dharma.intake.store;

import static io.dharma.intake.db.Tables.BLUEPRINT;

import io.dharma.web.quota.CountedQuota;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The tenant's blueprints (each counts once, whatever its versions), in the caller's transaction. */
@Component
public class BlueprintQuota extends CountedQuota {

    public BlueprintQuota(DSLContext db) {
        super(BLUEPRINTS, tenant -> db.fetchCount(BLUEPRINT, BLUEPRINT.TENANT_ID.eq(tenant)));
    }
}
