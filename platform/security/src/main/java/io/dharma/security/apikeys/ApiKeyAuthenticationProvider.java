package io.dharma.security.apikeys;

import java.util.Set;

import io.dharma.security.CallerAuthentication;
import io.dharma.web.Caller;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** A bearer token that is not a JWT is an API key: its tenant and its one role make the caller. */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeyStore keys;

    public ApiKeyAuthenticationProvider(ApiKeyStore keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        ApiKey key = keys.authenticate(token)
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown, expired or revoked API key"));
        return new CallerAuthentication(new Caller(key.tenant(), "key:" + key.name(), Set.of(key.role())), "api-key");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
