package io.dharma.identity.token;

import io.dharma.identity.IdentityEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The authorization service the server uses: Spring Authorization Server's JDBC one, plus
 * refresh-token families ({@link TokenFamilies}).
 *
 * <ul>
 * <li>Saving an authorization with a refresh token records the token's hash in its family, in
 * the same transaction; the family is the id of the login's first authorization, carried as the
 * {@value TokenFamilies#ATTRIBUTE} attribute.</li>
 * <li>Looking up a refresh token that is not current but was issued here (rotated away) revokes
 * its whole family and reports {@link IdentityEvents#refreshTokenReused}; the server then answers
 * {@code invalid_grant}, as for any unknown token.</li>
 * <li>Saving an authorization whose refresh token was invalidated (revocation, {@code POST
 * /oauth2/revoke}) ends the login: its family is revoked and {@link IdentityEvents#loggedOut}
 * reported.</li>
 * </ul>
 */
public class RefreshTokenReuseDetection implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final TokenFamilies families;
    private final TransactionTemplate transactions;
    private final IdentityEvents events;

    public RefreshTokenReuseDetection(OAuth2AuthorizationService delegate, TokenFamilies families,
            TransactionTemplate transactions, IdentityEvents events) {
        this.delegate = delegate;
        this.families = families;
        this.transactions = transactions;
        this.events = events;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2RefreshToken> refreshToken = authorization.getRefreshToken();
        if (refreshToken == null) {
            delegate.save(authorization);
            return;
        }
        OAuth2Authorization withFamily = authorization.getAttribute(TokenFamilies.ATTRIBUTE) != null ? authorization
                : OAuth2Authorization.from(authorization).attribute(TokenFamilies.ATTRIBUTE, authorization.getId()).build();
        String family = withFamily.getAttribute(TokenFamilies.ATTRIBUTE);
        if (refreshToken.isInvalidated()) {
            delegate.save(withFamily);
            families.revoke(family, "revoked").ifPresent(events::loggedOut);
            return;
        }
        OAuth2RefreshToken token = refreshToken.getToken();
        transactions.executeWithoutResult(status -> {
            delegate.save(withFamily);
            families.issued(family, withFamily.getPrincipalName(), withFamily.getRegisteredClientId(),
                    withFamily.getId(), token.getTokenValue(), token.getExpiresAt());
        });
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public @Nullable OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public @Nullable OAuth2Authorization findByToken(String token, @Nullable OAuth2TokenType tokenType) {
        OAuth2Authorization found = delegate.findByToken(token, tokenType);
        if (tokenType != null && !OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            return found;
        }
        if (found == null) {
            families.familyOf(token).ifPresent(family ->
                    families.revoke(family.id(), "refresh token reused").ifPresent(events::refreshTokenReused));
            return null;
        }
        OAuth2Authorization.Token<OAuth2RefreshToken> current = found.getRefreshToken();
        String family = found.getAttribute(TokenFamilies.ATTRIBUTE);
        boolean isItsRefreshToken = current != null && current.getToken().getTokenValue().equals(token);
        if (isItsRefreshToken && family != null && families.isRevoked(family)) {
            // revoked while this lookup raced the revocation's delete
            return null;
        }
        return found;
    }
}
