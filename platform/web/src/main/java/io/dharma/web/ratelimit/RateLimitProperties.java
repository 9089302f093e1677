package io.dharma.web.ratelimit;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many API requests a credential and a tenant may make: each has a token bucket of
 * {@code per-credential} (or {@code per-tenant}) requests that refills evenly over {@code window}
 * (ADR 0021). The defaults are far above what a person or a CI job sends and stop only a runaway
 * client; a tenant may get other figures under {@code tenants.<tenant>}.
 *
 * @param enabled       whether {@code /api/**} requests are limited at all
 * @param window        the time in which an empty bucket fills up again
 * @param perCredential requests per window of one authenticated principal (a user or an API key)
 * @param perTenant     requests per window of all of a tenant's credentials together
 * @param tenants       per-tenant figures that replace the two above; either may be left out
 */
@ConfigurationProperties("dharma.web.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration window,
        @DefaultValue("12000") long perCredential,
        @DefaultValue("30000") long perTenant,
        @DefaultValue Map<String, TenantRateLimit> tenants) {

    public RateLimitProperties {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dharma.web.rate-limit.window must be positive but was " + window);
        }
        if (perCredential < 1 || perTenant < 1) {
            throw new IllegalArgumentException("dharma.web.rate-limit.per-credential and per-tenant must be positive");
        }
        tenants = Map.copyOf(tenants);
    }

    /** @param perCredential replaces the default per credential of this tenant; null keeps it */
    public record TenantRateLimit(Long perCredential, Long perTenant) {
    }

    RateLimitPolicy credentialPolicy(String tenant) {
        TenantRateLimit own = tenants.get(tenant);
        long capacity = own == null || own.perCredential() == null ? perCredential : own.perCredential();
        return new RateLimitPolicy(RateLimitPolicy.CREDENTIAL, capacity, window);
    }

    RateLimitPolicy tenantPolicy(String tenant) {
        TenantRateLimit own = tenants.get(tenant);
        long capacity = own == null || own.perTenant() == null ? perTenant : own.perTenant();
        return new RateLimitPolicy(RateLimitPolicy.TENANT, capacity, window);
    }
}
