package io.dharma.identity.server;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens for every client registered for the refresh_token grant, public ones included.
 * Spring's generator gives none to a public client after the authorization-code grant; Dharma's
 * CLI is a public client and may hold them because they rotate on each use and a reused one
 * revokes its login ({@code RefreshTokenReuseDetection}), as the OAuth 2.0 Security BCP allows.
 */
final class RotatingRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    private static final int TOKEN_BYTES = 64;

    private final SecureRandom random = new SecureRandom();

    @Override
    public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())
                || !context.getRegisteredClient().getAuthorizationGrantTypes().contains(AuthorizationGrantType.REFRESH_TOKEN)) {
            return null;
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        Instant issuedAt = Instant.now();
        Instant expiresAt = issuedAt.plus(context.getRegisteredClient().getTokenSettings().getRefreshTokenTimeToLive());
        return new OAuth2RefreshToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), issuedAt, expiresAt);
    }
}
