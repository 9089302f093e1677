package io.dharma.web.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dharma.web.Caller;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * One Bucket4j token bucket per credential and one per tenant, in this instance's memory (ADR 0021).
 * A request takes a token from its credential's bucket first, then from its tenant's; when the
 * tenant's is empty the credential's token is given back. So a credential over its own limit never
 * drains its tenant's budget, and one tenant never touches another's.
 * <p>
 * A bucket left alone for a whole window is full again, so it is forgotten after a window without
 * requests: it would be recreated exactly as it was. The number of buckets is capped as well; one
 * evicted under that cap comes back full, which errs on the caller's side.
 */
public final class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    private final RateLimitProperties properties;
    private final TimeMeter time;
    private final Cache<String, Bucket> credentials;
    private final Cache<String, Bucket> tenants;

    public RateLimiter(RateLimitProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTimeMeter(clock);
        this.credentials = buckets(properties.window(), clock);
        this.tenants = buckets(properties.window(), clock);
    }

    /** Takes one request from the caller's budgets, or says why not. */
    public RateLimitDecision take(Caller caller) {
        RateLimitPolicy credentialPolicy = properties.credentialPolicy(caller.tenant());
        RateLimitPolicy tenantPolicy = properties.tenantPolicy(caller.tenant());
        Bucket credential = credentials.get(credentialKey(caller), key -> bucket(credentialPolicy));
        Bucket tenant = tenants.get(caller.tenant(), key -> bucket(tenantPolicy));

        ConsumptionProbe byCredential = credential.tryConsumeAndReturnRemaining(1);
        if (!byCredential.isConsumed()) {
            return RateLimitDecision.refused(List.of(RateLimitBudget.of(credentialPolicy, byCredential.getRemainingTokens()),
                    RateLimitBudget.of(tenantPolicy, tenant.getAvailableTokens())),
                    credentialPolicy, Duration.ofNanos(byCredential.getNanosToWaitForRefill()));
        }
        ConsumptionProbe byTenant = tenant.tryConsumeAndReturnRemaining(1);
        if (!byTenant.isConsumed()) {
            credential.addTokens(1);
            return RateLimitDecision.refused(List.of(RateLimitBudget.of(credentialPolicy, credential.getAvailableTokens()),
                    RateLimitBudget.of(tenantPolicy, byTenant.getRemainingTokens())),
                    tenantPolicy, Duration.ofNanos(byTenant.getNanosToWaitForRefill()));
        }
        return RateLimitDecision.allowed(List.of(RateLimitBudget.of(credentialPolicy, byCredential.getRemainingTokens()),
                RateLimitBudget.of(tenantPolicy, byTenant.getRemainingTokens())));
    }

    /** The caller's budgets as they stand, taking nothing. */
    public List<RateLimitBudget> budgets(Caller caller) {
        RateLimitPolicy credentialPolicy = properties.credentialPolicy(caller.tenant());
        RateLimitPolicy tenantPolicy = properties.tenantPolicy(caller.tenant());
        return List.of(RateLimitBudget.of(credentialPolicy, available(credentials, credentialKey(caller), credentialPolicy)),
                RateLimitBudget.of(tenantPolicy, available(tenants, caller.tenant(), tenantPolicy)));
    }

    private static long available(Cache<String, Bucket> buckets, String key, RateLimitPolicy policy) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? policy.quota() : bucket.getAvailableTokens();
    }

    /** A principal is named within its tenant: the same user name in two tenants is two credentials. */
    private static String credentialKey(Caller caller) {
        return caller.tenant() + '\n' + caller.user();
    }

    private Bucket bucket(RateLimitPolicy policy) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(policy.quota()).refillGreedy(policy.quota(), policy.window()).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static Cache<String, Bucket> buckets(Duration window, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS)
                .expireAfterAccess(window)
                .ticker(() -> nanosSinceEpoch(clock.instant()))
                .build();
    }

    private static long nanosSinceEpoch(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** Bucket4j reads time through this, so tests move a clock instead of sleeping. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return nanosSinceEpoch(clock.instant());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
