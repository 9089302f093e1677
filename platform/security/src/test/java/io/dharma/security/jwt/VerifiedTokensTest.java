package io.dharma.security.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final MutableClock clock = MutableClock.of(NOW, ZoneOffset.UTC);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aVerifiedTokenIsCheckedOnceForItsNextRequests() {
        VerifiedTokens tokens = new VerifiedTokens(issuerDecoder(NOW.plus(Duration.ofHours(1))), clock);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");

        assertThat(again).isSameAs(first);
        assertThat(checks).hasValue(1);
        tokens.decode("token-b");
        assertThat(checks).hasValue(2);
    }

    @Test
    void aRefusedTokenIsCheckedEveryTime() {
        JwtDecoder refusing = token -> {
            checks.incrementAndGet();
            throw new BadJwtException("bad signature");
        };
        VerifiedTokens tokens = new VerifiedTokens(refusing, clock);

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(checks).hasValue(2);
    }

    @Test
    void aTokenIsNeverAnsweredFromMemoryOnceItExpired() {
        VerifiedTokens tokens = new VerifiedTokens(issuerDecoder(NOW.plusSeconds(30)), clock);
        tokens.decode("short-lived");

        clock.add(Duration.ofSeconds(30));
        tokens.decode("short-lived");

        assertThat(checks).as("checked again at its expiry").hasValue(2);
    }

    @Test
    void aLongLivedTokenIsCheckedAgainAfterAMinute() {
        VerifiedTokens tokens = new VerifiedTokens(issuerDecoder(NOW.plus(Duration.ofHours(6))), clock);
        tokens.decode("long-lived");

        clock.add(VerifiedTokens.REMEMBERED.plusSeconds(1));
        tokens.decode("long-lived");

        assertThat(checks).hasValue(2);
    }

    /** Stands in for the issuer's Nimbus decoder: every call is one signature check. */
    private JwtDecoder issuerDecoder(Instant expiresAt) {
        return token -> {
            checks.incrementAndGet();
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                    .issuedAt(NOW.minusSeconds(1)).expiresAt(expiresAt).build();
        };
    }
}
