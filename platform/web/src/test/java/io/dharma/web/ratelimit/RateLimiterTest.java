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

class RateLimiterTest {

    private static final Caller ANA = new Caller("team-a", "ana", Set.of("developer"));
    private static final Caller CI = new Caller("team-a", "key:ci", Set.of("developer"));
    private static final Caller BOB = new Caller("team-b", "bob", Set.of("developer"));

    private final MutableClock clock = MutableClock.of(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void aCredentialOverItsLimitIsRefusedUntilATokenRefills() {
        RateLimiter limiter = limiter(3, 100);

        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take(ANA).allowed()).as("request " + (i + 1)).isTrue();
        }
        RateLimitDecision refused = limiter.take(ANA);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.refusedBy()).hasValueSatisfying(policy -> assertThat(policy.name()).isEqualTo("credential"));
        // 3 per minute refill one token every 20 s
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));

        clock.add(Duration.ofSeconds(19));
        assertThat(limiter.take(ANA).allowed()).as("a second early").isFalse();
        clock.add(Duration.ofSeconds(1));
        assertThat(limiter.take(ANA).allowed()).as("after the refill").isTrue();
    }

    @Test
    void oneCredentialOverItsLimitSlowsNoOtherCredentialOfItsTenantNorAnyOtherTenant() {
        RateLimiter limiter = limiter(2, 100);
        limiter.take(ANA);
        limiter.take(ANA);
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.take(ANA).allowed()).isFalse();
        }

        assertThat(limiter.take(CI).allowed()).isTrue();
        assertThat(limiter.take(BOB).allowed()).isTrue();
        assertThat(limiter.budgets(CI).get(1).remaining())
                .as("the refused requests took nothing from the tenant: 2 of ana and 1 of ci").isEqualTo(97);
    }

    @Test
    void theTenantLimitHoldsAcrossItsCredentialsAndGivesTheCredentialItsTokenBack() {
        RateLimiter limiter = limiter(10, 3);
        limiter.take(ANA);
        limiter.take(ANA);
        limiter.take(CI);

        RateLimitDecision refused = limiter.take(CI);

        assertThat(refused.refusedBy()).hasValueSatisfying(policy -> assertThat(policy.name()).isEqualTo("tenant"));
        assertThat(refused.budgets().get(0).remaining()).as("ci's own budget is untouched by the refusal").isEqualTo(9);
        assertThat(limiter.take(BOB).allowed()).as("another tenant").isTrue();
    }

    @Test
    void budgetsReportWhatIsLeftAndWhenTheBucketIsFullWithoutTakingAnything() {
        RateLimiter limiter = limiter(60, 600);
        for (int i = 0; i < 6; i++) {
            limiter.take(ANA);
        }

        var budgets = limiter.budgets(ANA);

        assertThat(budgets).extracting(b -> b.policy().name(), RateLimitBudget::remaining, RateLimitBudget::untilFull)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("credential", 54L, Duration.ofSeconds(6)),
                        org.assertj.core.groups.Tuple.tuple("tenant", 594L, Duration.ofMillis(600)));
        assertThat(limiter.budgets(ANA).get(0).remaining()).as("asking again takes nothing").isEqualTo(54);
        assertThat(limiter.budgets(BOB).get(0).remaining()).as("a caller never seen has a full budget").isEqualTo(60);
    }

    @Test
    void aTenantMayHaveItsOwnFigures() {
        RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, Duration.ofMinutes(1), 100, 1000,
                Map.of("team-a", new RateLimitProperties.TenantRateLimit(1L, null))), clock);

        assertThat(limiter.take(ANA).allowed()).isTrue();
        assertThat(limiter.take(ANA).allowed()).isFalse();
        assertThat(limiter.budgets(ANA).get(1).policy().quota()).as("the tenant default stays").isEqualTo(1000);
        assertThat(limiter.budgets(BOB).get(0).policy().quota()).isEqualTo(100);
    }

    private RateLimiter limiter(long perCredential, long perTenant) {
        return new RateLimiter(new RateLimitProperties(true, Duration.ofMinutes(1), perCredential, perTenant, Map.of()), clock);
    }
}
