package io.dharma.web.ratelimit;

import java.time.Duration;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * The IETF RateLimit fields (draft-ietf-httpapi-ratelimit-headers, the {@code RateLimit-Policy} and
 * {@code RateLimit} pair; ADR 0021) on every limited answer, one item per policy, credential first:
 * <pre>
 * RateLimit-Policy: "credential";q=12000;w=60, "tenant";q=30000;w=60
 * RateLimit: "credential";r=11873;t=1, "tenant";r=29790;t=1
 * </pre>
 * {@code q} requests per {@code w} seconds; {@code r} left, {@code t} seconds until the bucket is full.
 * A refusal adds {@code Retry-After}: seconds until the next request can pass.
 */
public final class RateLimitHeaders {

    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {
    }

    public static void write(RateLimitDecision decision, HttpServletResponse response) {
        response.setHeader(POLICY, decision.budgets().stream()
                .map(budget -> quoted(budget.policy().name()) + ";q=" + budget.policy().quota()
                        + ";w=" + seconds(budget.policy().window()))
                .collect(Collectors.joining(", ")));
        response.setHeader(LIMIT, decision.budgets().stream()
                .map(budget -> quoted(budget.policy().name()) + ";r=" + budget.remaining() + ";t=" + seconds(budget.untilFull()))
                .collect(Collectors.joining(", ")));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision.retryAfter()))));
        }
    }

    /** Whole seconds, rounded up: a client that waits this long is never early. */
    public static long seconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.minusSeconds(seconds).isZero() ? seconds : seconds + 1;
    }

    private static String quoted(String name) {
        return '"' + name + '"';
    }
}
