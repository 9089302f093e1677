package io.dharma.identity.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Authentication of a public client (no secret, {@code client_id} only) where Spring
 * Authorization Server accepts it only with a PKCE code exchange: the device authorization
 * request, the device-code and refresh-token grants, and token revocation (a CLI logging out).
 * A client qualifies only if it is registered with authentication method {@code none}; what it
 * may then do is still checked by each endpoint (its grant types, its own tokens).
 */
final class PublicClientAuthentication {

    private static final Set<String> TOKEN_GRANTS =
            Set.of(AuthorizationGrantType.DEVICE_CODE.getValue(), AuthorizationGrantType.REFRESH_TOKEN.getValue());

    private PublicClientAuthentication() {
    }

    static AuthenticationConverter converter(AuthorizationServerSettings settings) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher tokenEndpoint = paths.matcher(HttpMethod.POST, settings.getTokenEndpoint());
        RequestMatcher otherEndpoints = new OrRequestMatcher(
                paths.matcher(HttpMethod.POST, settings.getDeviceAuthorizationEndpoint()),
                paths.matcher(HttpMethod.POST, settings.getTokenRevocationEndpoint()));
        return request -> convert(request, tokenEndpoint, otherEndpoints);
    }

    private static @Nullable Authentication convert(HttpServletRequest request, RequestMatcher tokenEndpoint,
            RequestMatcher otherEndpoints) {
        boolean applies = otherEndpoints.matches(request) || (tokenEndpoint.matches(request)
                && TOKEN_GRANTS.contains(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)));
        if (!applies
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
            return null;
        }
        String[] clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null) {
            return null;
        }
        if (clientIds.length != 1 || clientIds[0].isBlank()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        return new PublicClientToken(clientIds[0]);
    }

    static AuthenticationProvider provider(RegisteredClientRepository clients) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String clientId = authentication.getName();
                RegisteredClient client = clients.findByClientId(clientId);
                if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
                    throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT,
                            "Client authentication failed: client_id", null));
                }
                return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return PublicClientToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /** An unauthenticated public client, as the converter read it. */
    static final class PublicClientToken extends OAuth2ClientAuthenticationToken {

        PublicClientToken(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
        }
    }
}
