package io.dharma.identity.server;

import io.dharma.identity.IdentityProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The web console, {@code dharma-console} (ADR 0027): a public client (its code runs in the
 * browser and cannot keep a secret) that signs users in with the authorization-code flow and PKCE,
 * redirected back to {@code <issuer>/callback}, where the platform serves the console. It also
 * accepts {@code http://127.0.0.1:<any port>/callback} (RFC 8252's loopback rule), so a console
 * opened at 127.0.0.1 rather than the issuer's host name signs in too, and {@code <origin>/callback}
 * for each of {@code dharma.identity.console-origins}: the public origin of a gateway or ingress that
 * serves the console and the issuer together (compose, Helm). Its refresh tokens rotate on every
 * use, as the CLI's do.
 */
public final class ConsoleClient {

    public static final String CALLBACK_PATH = "/callback";

    private ConsoleClient() {
    }

    public static RegisteredClient of(IdentityProperties properties) {
        RegisteredClient.Builder client = RegisteredClient.withId(properties.consoleClientId())
                .clientId(properties.consoleClientId())
                .clientName("Dharma console")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1" + CALLBACK_PATH)
                .scope(OidcScopes.OPENID)
                .scope(CliClient.SCOPE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .build());
        for (String origin : properties.consoleCallbackOrigins()) {
            client.redirectUri(origin + CALLBACK_PATH);
        }
        return client.build();
    }

    /** Stores the client as configured, as {@link CliClient#register} does. */
    public static void register(RegisteredClientRepository clients, IdentityProperties properties) {
        try {
            clients.save(of(properties));
        } catch (DuplicateKeyException e) {
            // another instance inserted it between our lookup and insert: the same client
        }
    }
}
