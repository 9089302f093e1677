package io.dharma.web.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The answer to one request: its budgets after it (credential first, then tenant), and when it
 * was refused, which policy refused it and how long to wait before the next request can pass.
 */
public record RateLimitDecision(List<RateLimitBudget> budgets, Optional<RateLimitPolicy> refusedBy, Duration retryAfter) {

    public RateLimitDecision {
        budgets = List.copyOf(budgets);
    }

    static RateLimitDecision allowed(List<RateLimitBudget> budgets) {
        return new RateLimitDecision(budgets, Optional.empty(), Duration.ZERO);
    }

    static RateLimitDecision refused(List<RateLimitBudget> budgets, RateLimitPolicy by, Duration retryAfter) {
        return new RateLimitDecision(budgets, Optional.of(by), retryAfter);
    }

    public boolean allowed() {
        return refusedBy.isEmpty();
    }
}
