package io.dharma.web.quota;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of each thing one tenant may hold (ADR 0021); creating one more answers
 * {@code 403 quota.exceeded}. A tenant may get other figures under {@code tenants.<tenant>.<quota>}.
 *
 * @param blueprints  blueprints (each with all its versions)
 * @param deployments deployments not yet ended (requested, awaiting approval, planning, applying);
 *                    a version beyond it is blocked
 * @param policies    the tenant's own guardrail policies
 * @param apiKeys     API keys that still authenticate (neither revoked nor expired)
 * @param sseStreams  open {@code /events} streams, counted by each streams application instance
 * @param tenants     per-tenant limits by quota name, e.g. {@code tenants.team-a.blueprints=5000}
 */
@ConfigurationProperties("dharma.quotas")
public record QuotaProperties(
        @DefaultValue("1000") long blueprints,
        @DefaultValue("100") long deployments,
        @DefaultValue("200") long policies,
        @DefaultValue("100") long apiKeys,
        @DefaultValue("50") long sseStreams,
        @DefaultValue Map<String, Map<String, Long>> tenants) {

    public QuotaProperties {
        tenants = Map.copyOf(tenants);
    }

    public long limit(String quota, String tenant) {
        Map<String, Long> own = tenants.getOrDefault(tenant, Map.of());
        Long override = own.get(quota);
        if (override != null) {
            return override;
        }
        return switch (quota) {
            case TenantQuota.BLUEPRINTS -> blueprints;
            case TenantQuota.DEPLOYMENTS -> deployments;
            case TenantQuota.POLICIES -> policies;
            case TenantQuota.API_KEYS -> apiKeys;
            case TenantQuota.SSE_STREAMS -> sseStreams;
            default -> throw new IllegalArgumentException("no quota named " + quota);
        };
    }
}
