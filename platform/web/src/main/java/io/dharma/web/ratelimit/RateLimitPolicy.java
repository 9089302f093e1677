package io.dharma.web.ratelimit;

import java.time.Duration;

/**
 * One limit: {@code quota} requests per {@code window}, refilled evenly (a token bucket of that
 * capacity), named as the {@code RateLimit-Policy} header names it.
 */
public record RateLimitPolicy(String name, long quota, Duration window) {

    public static final String CREDENTIAL = "credential";
    public static final String TENANT = "tenant";

    /** How long a bucket holding {@code remaining} tokens takes to be full again. */
    Duration untilFull(long remaining) {
        long missing = Math.max(0, quota - remaining);
        return window.multipliedBy(missing).dividedBy(quota);
    }
}
