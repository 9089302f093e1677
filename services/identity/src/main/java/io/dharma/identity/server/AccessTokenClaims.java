package io.dharma.identity.server;

import io.dharma.identity.user.User;
import io.dharma.identity.user.Users;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * The claims of a Dharma access token: {@code sub} the username, {@code aud} the platform
 * ({@code dharma.identity.audience}), {@code dharma_tenant} and {@code dharma_roles} as the users
 * table says at the moment the token is issued, so a changed role applies at the next refresh
 * and a disabled user gets no new token at all.
 */
public class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String TENANT = "dharma_tenant";
    public static final String ROLES = "dharma_roles";

    private final Users users;
    private final String audience;

    public AccessTokenClaims(Users users, String audience) {
        this.users = users;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        String username = context.getPrincipal().getName();
        User user = users.find(username).filter(User::enabled).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "the user is disabled or unknown", null)));
        // Mutable lists: the server stores the claims with the authorization as JSON, and its
        // allow-list of types has ArrayList but not List.of's classes.
        context.getClaims()
                .subject(user.username())
                .audience(new ArrayList<>(List.of(audience)))
                .claim(TENANT, user.tenant())
                .claim(ROLES, new ArrayList<>(user.roles()));
    }
}
