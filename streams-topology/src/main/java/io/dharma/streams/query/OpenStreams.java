package io.dharma.streams.query;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dharma.web.ApiException;
import io.dharma.web.quota.QuotaUsage;
import io.dharma.web.quota.Quotas;
import io.dharma.web.quota.TenantQuota;

/**
 * The tracking event streams this instance holds open, by tenant: each holds a connection and a
 * subscription for up to {@code dharma.streams.sse-timeout}, so a tenant may hold
 * {@code dharma.quotas.sse-streams} at once ({@code 403 quota.exceeded} beyond) and the instance
 * {@code dharma.streams.max-open-streams} in all ({@code 503} beyond). Counted in memory: with N
 * instances a tenant may hold up to N times its quota, one share on each.
 */
public final class OpenStreams implements TenantQuota {

    private final Quotas quotas;
    private final int maxOpen;
    private final Map<String, Integer> byTenant = new HashMap<>();
    private int open;

    public OpenStreams(Quotas quotas, int maxOpen) {
        this.quotas = quotas;
        this.maxOpen = maxOpen;
    }

    @Override
    public String name() {
        return SSE_STREAMS;
    }

    @Override
    public synchronized long used(String tenant) {
        return byTenant.getOrDefault(tenant, 0);
    }

    /** Counts one more stream of {@code tenant}, or refuses it; close the slot when the stream ends. */
    public synchronized Slot open(String tenant) {
        QuotaUsage usage = quotas.usage(this, tenant);
        if (usage.full()) {
            throw Quotas.exceeded(usage, tenant);
        }
        if (open >= maxOpen) {
            throw new ApiException(QueryApiError.TOO_MANY_STREAMS, "this instance holds " + open
                    + " event streams, the most it serves (dharma.streams.max-open-streams); retry later");
        }
        open++;
        byTenant.merge(tenant, 1, Integer::sum);
        return new Slot(tenant);
    }

    private synchronized void release(String tenant) {
        open--;
        byTenant.computeIfPresent(tenant, (key, count) -> count == 1 ? null : count - 1);
    }

    /** One open stream; closing it again (completion, then error) counts once. */
    public final class Slot implements AutoCloseable {

        private final String tenant;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release(tenant);
            }
        }
    }
}
