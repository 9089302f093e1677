package io.dharma.identity.server;

import java.util.List;

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
 * The platform's own OAuth clients, both public: their code runs on users' machines or in the
 * browser and cannot keep a secret. So each has no client secret, requires PKCE, and gets refresh
 * tokens that rotate on every use, which with reuse detection is what lets a public client hold
 * them (OAuth 2.0 Security BCP 4.14.2). Both accept {@code http://127.0.0.1:<any port>/callback}:
 * by RFC 8252's loopback rule the server ignores the port of a loopback redirect.
 * <ul>
 * <li>{@code dharma-cli}, the command line: the device flow, or the authorization-code flow through
 * the loopback redirect.</li>
 * <li>{@code dharma-console}, the web console (ADR 0027): the authorization-code flow, redirected back
 * to {@code <issuer>/callback}, where the platform serves the console; the loopback redirect lets a
 * console opened at 127.0.0.1 rather than the issuer's host name sign in too, and it may return to
 * {@code <origin>/callback} for each of {@code dharma.identity.console-origins}: the public origin of
 * a gateway or ingress serving the console and the issuer together (compose, Helm).</li>
 * </ul>
 */
public final class PlatformClients {

    public static final String SCOPE = "dharma";
    public static final String CALLBACK_PATH = "/callback";
    static final String LOOPBACK_CALLBACK = "http://127.0.0.1" + CALLBACK_PATH;

    private PlatformClients() {
    }

    static RegisteredClient cli(IdentityProperties properties) {
        return publicClient(properties.cliClientId(), "Dharma CLI", properties)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .redirectUri(LOOPBACK_CALLBACK)
                .build();
    }

    /** Redirected to the issuer's origin, 127.0.0.1, and each of {@code dharma.identity.console-origins}. */
    public static RegisteredClient console(IdentityProperties properties) {
        RegisteredClient.Builder console = publicClient(properties.consoleClientId(), "Dharma console", properties)
                .redirectUri(LOOPBACK_CALLBACK);
        for (String origin : properties.consoleCallbackOrigins()) {
            console.redirectUri(origin + CALLBACK_PATH);
        }
        return console.build();
    }

    /**
     * Stores both clients as configured: inserted on the first start, updated on later ones (so a
     * changed TTL applies). Safe when several instances start at once.
     */
    public static void register(RegisteredClientRepository clients, IdentityProperties properties) {
        for (RegisteredClient client : List.of(cli(properties), console(properties))) {
            try {
                clients.save(client);
            } catch (DuplicateKeyException e) {
                // another instance inserted it between our lookup and insert: the same client
            }
        }
    }

    /** The device-code lifetime matters only to a client granted the device flow (the CLI). */
    private static RegisteredClient.Builder publicClient(String clientId, String name, IdentityProperties properties) {
        return RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .scope(OidcScopes.OPENID)
                .scope(SCOPE)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl())
                        .deviceCodeTimeToLive(properties.deviceCodeTtl())
                        .reuseRefreshTokens(false)
                        .build());
    }
}
