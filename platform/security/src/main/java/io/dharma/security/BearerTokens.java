package io.dharma.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Picks how a bearer token is checked: a JWT (three dot-separated parts) by its issuer, anything
 * else as a platform API key. Both answer the same {@link CallerAuthentication}.
 */
final class BearerTokens implements AuthenticationManagerResolver<HttpServletRequest> {

    private final DefaultBearerTokenResolver tokens = new DefaultBearerTokenResolver();
    private final AuthenticationManagerResolver<HttpServletRequest> jwts;
    private final AuthenticationManager apiKeys;

    BearerTokens(AuthenticationManagerResolver<HttpServletRequest> jwts, AuthenticationManager apiKeys) {
        this.jwts = jwts;
        this.apiKeys = apiKeys;
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        String token = tokens.resolve(request);
        if (token != null && token.chars().filter(c -> c == '.').count() == 2) {
            return jwts.resolve(request);
        }
        if (apiKeys == null) {
            return authentication -> {
                throw new InvalidBearerTokenException("API keys are not accepted by this service; use a JWT");
            };
        }
        return apiKeys;
    }
}
