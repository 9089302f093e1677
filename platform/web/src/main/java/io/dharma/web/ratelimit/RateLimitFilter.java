package io.dharma.web.ratelimit;

import java.io.IOException;
import java.util.Map;

import io.dharma.web.ApiError;
import io.dharma.web.Caller;
import io.dharma.web.ProblemType;
import io.dharma.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits {@code /api/**} requests of authenticated callers (registered after the security chain,
 * which leaves the {@link Caller} on the request): within budget the request goes on with the
 * {@link RateLimitHeaders}; beyond it the answer is {@code 429 rate-limit.exceeded} with
 * {@code Retry-After}. Probes, published contracts and the management port carry no caller or are
 * not under {@code /api}, so they are never limited; a request without a credential is refused by
 * the security chain before it gets here.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    public static final ApiError RATE_LIMITED =
            new ProblemType("rate-limit.exceeded", HttpStatus.TOO_MANY_REQUESTS, "Too many requests");

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(request.getAttribute(Caller.ATTRIBUTE) instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitDecision decision = limiter.take(caller);
        RateLimitHeaders.write(decision, response);
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        RateLimitPolicy policy = decision.refusedBy().orElseThrow();
        long retryAfter = Math.max(1, RateLimitHeaders.seconds(decision.retryAfter()));
        String whose = RateLimitPolicy.TENANT.equals(policy.name()) ? "tenant " + caller.tenant() : caller.user();
        Problems.write(request, response, Problems.of(RATE_LIMITED,
                whose + " made more than " + policy.quota() + " requests in " + policy.window().toSeconds()
                        + " s; retry in " + retryAfter + " s",
                Map.of("policy", policy.name(), "limit", policy.quota(), "windowSeconds", policy.window().toSeconds(),
                        "retryAfterSeconds", retryAfter)));
    }
}
