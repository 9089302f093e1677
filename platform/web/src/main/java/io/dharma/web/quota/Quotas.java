package io.dharma.web.quota;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.dharma.web.ApiError;
import io.dharma.web.ApiException;
import io.dharma.web.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * The limits of {@link QuotaProperties} applied to the counts services contribute. A refusal is
 * 403, as Kubernetes answers a create beyond a ResourceQuota: the request is understood and
 * allowed for the role, but the tenant has no room left for it.
 */
public final class Quotas {

    public static final ApiError QUOTA_EXCEEDED =
            new ProblemType("quota.exceeded", HttpStatus.FORBIDDEN, "Quota exceeded");

    private final QuotaProperties properties;
    private final Supplier<List<TenantQuota>> quotas;

    /** {@code quotas} is asked on each report, so a service's quota may itself depend on this bean. */
    public Quotas(QuotaProperties properties, Supplier<List<TenantQuota>> quotas) {
        this.properties = properties;
        this.quotas = quotas;
    }

    /** Where {@code quota} stands for {@code tenant}; run it in the transaction that creates the next one. */
    public QuotaUsage usage(TenantQuota quota, String tenant) {
        return new QuotaUsage(quota.name(), quota.used(tenant), properties.limit(quota.name(), tenant));
    }

    /** Refuses with {@code 403 quota.exceeded} when the tenant has no room for one more. */
    public void requireRoom(TenantQuota quota, String tenant) {
        QuotaUsage usage = usage(quota, tenant);
        if (usage.full()) {
            throw exceeded(usage, tenant);
        }
    }

    public static ApiException exceeded(QuotaUsage usage, String tenant) {
        return new ApiException(QUOTA_EXCEEDED, "tenant " + tenant + " has " + usage.used() + " " + usage.name()
                + " of the " + usage.limit() + " its quota allows (dharma.quotas." + usage.name() + ")",
                Map.of("quota", usage.name(), "used", usage.used(), "limit", usage.limit()));
    }

    /** Every quota this instance knows, by name. */
    public List<QuotaUsage> usageOf(String tenant) {
        return quotas.get().stream().sorted(Comparator.comparing(TenantQuota::name))
                .map(quota -> usage(quota, tenant)).toList();
    }
}
