package io.dharma.web.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import io.dharma.web.Caller;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RateLimitFilterTest {

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
    private final RateLimitFilter filter = new RateLimitFilter(new RateLimiter(
            new RateLimitProperties(true, Duration.ofMinutes(1), 2, 30, Map.of()), clock));

    @Test
    void answersWithinTheBudgetCarryTheRemainingBudget() throws Exception {
        MockHttpServletResponse response = call(caller());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("RateLimit-Policy")).isEqualTo("\"credential\";q=2;w=60, \"tenant\";q=30;w=60");
        assertThat(response.getHeader("RateLimit")).isEqualTo("\"credential\";r=1;t=30, \"tenant\";r=29;t=2");
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void beyondTheBudgetTheAnswerIs429ProblemWithRetryAfterAndTheRequestGoesNoFurther() throws Exception {
        call(caller());
        call(caller());
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request(caller()), response, chain);

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(chain.getRequest()).as("the handler is not reached").isNull();
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("30");
        assertThat(response.getHeader("RateLimit")).startsWith("\"credential\";r=0;t=60");
        assertThat(response.getContentAsString()).contains("\"code\":\"rate-limit.exceeded\"", "\"status\":429",
                "\"policy\":\"credential\"", "\"limit\":2", "\"retryAfterSeconds\":30");
    }

    @Test
    void aRequestWithoutACallerIsNotLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            MockHttpServletResponse response = call(null);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader("RateLimit")).isNull();
        }
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(RateLimitHeaders.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimitHeaders.seconds(Duration.ofMillis(20_001))).isEqualTo(21);
        assertThat(RateLimitHeaders.seconds(Duration.ofSeconds(20))).isEqualTo(20);
        assertThat(RateLimitHeaders.seconds(Duration.ZERO)).isZero();
    }

    private MockHttpServletResponse call(Caller caller) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request(caller), response, new MockFilterChain());
        return response;
    }

    private static MockHttpServletRequest request(Caller caller) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/blueprints");
        if (caller != null) {
            request.setAttribute(Caller.ATTRIBUTE, caller);
        }
        return request;
    }

    private static Caller caller() {
        return new Caller("team-a", "ana", Set.of("viewer"));
    }
}
