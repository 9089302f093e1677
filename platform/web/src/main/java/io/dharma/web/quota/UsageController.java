package io.dharma.web.quota;

import java.util.List;

import io.dharma.web.Caller;
import io.dharma.web.ratelimit.RateLimitBudget;
import io.dharma.web.ratelimit.RateLimitHeaders;
import io.dharma.web.ratelimit.RateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/usage}: the caller's tenant's quotas (used and limit) and the rate-limit
 * budgets of the tenant and of the calling credential, this request included. A service running
 * alone reports the quotas it owns; the one-JVM platform reports all of them.
 */
@RestController
public class UsageController {

    private final Quotas quotas;
    private final ObjectProvider<RateLimiter> limiter;

    public UsageController(Quotas quotas, ObjectProvider<RateLimiter> limiter) {
        this.quotas = quotas;
        this.limiter = limiter;
    }

    @GetMapping(path = "/api/v1/usage", produces = MediaType.APPLICATION_JSON_VALUE)
    public UsageView usage(Caller caller) {
        RateLimiter rateLimiter = limiter.getIfAvailable();
        List<RateLimitView> rateLimits = rateLimiter == null ? List.of()
                : rateLimiter.budgets(caller).stream().map(RateLimitView::of).toList();
        return new UsageView(caller.tenant(), caller.user(), quotas.usageOf(caller.tenant()), rateLimits);
    }

    public record UsageView(String tenant, String credential, List<QuotaUsage> quotas, List<RateLimitView> rateLimits) {
    }

    public record RateLimitView(String policy, long limit, long windowSeconds, long remaining, long resetSeconds) {

        static RateLimitView of(RateLimitBudget budget) {
            return new RateLimitView(budget.policy().name(), budget.policy().quota(), budget.policy().window().toSeconds(),
                    budget.remaining(), RateLimitHeaders.seconds(budget.untilFull()));
        }
    }
}
