package io.dharma.web.quota;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * A quota whose use is a count its owner's store already answers (live API keys, a tenant's
 * policies, open deployments): a subclass names the quota and the count, nothing else.
 */
public abstract class CountedQuota implements TenantQuota {

    private final String name;
    private final ToLongFunction<String> countByTenant;

    protected CountedQuota(String name, ToLongFunction<String> countByTenant) {
        this.name = Objects.requireNonNull(name, "name");
        this.countByTenant = Objects.requireNonNull(countByTenant, "countByTenant");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final long used(String tenant) {
        return countByTenant.applyAsLong(tenant);
    }
}
