package io.dharma.web.ratelimit;

import java.time.Duration;

/** Where one policy stands for a caller: requests left, and when its bucket is full again. */
public record RateLimitBudget(RateLimitPolicy policy, long remaining, Duration untilFull) {

    static RateLimitBudget of(RateLimitPolicy policy, long remaining) {
        return new RateLimitBudget(policy, remaining, policy.untilFull(remaining));
    }
}
