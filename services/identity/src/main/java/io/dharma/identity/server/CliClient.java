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
 * The command-line client, {@code dharma-cli}: a public client (it runs on users' machines and
 * cannot keep a secret) that logs in with the device flow, or with the authorization-code flow
 * and PKCE through a loopback redirect ({@code http://127.0.0.1:<any port>/callback}, RFC 8252:
 * the server ignores the port of a loopback redirect). Its refresh tokens rotate on every use,
 * which with reuse detection is what lets a public client hold them (OAuth 2.0 Security BCP 4.14.2).
 */
public final class CliClient {

    public static final String SCOPE = "dharma";
    public static final String REDIRECT_URI = "http://127.0.0.1/callback";

    private CliClient() {
    }

    public static RegisteredClient of(IdentityProperties properties) {
        return RegisteredClient.withId(properties.cliClientId())
                .clientId(properties.cliClientId())
                .clientName("Dharma CLI")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(REDIRECT_URI)
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
                        .build())
                .build();
    }

    /**
     * Stores the client as configured: inserted on the first start, updated on later ones (so a
     * changed TTL applies). Safe when several instances start at once.
     */
    public static void register(RegisteredClientRepository clients, IdentityProperties properties) {
        try {
            clients.save(of(properties));
        } catch (DuplicateKeyException e) {
            // another instance inserted it between our lookup and insert: the same client
        }
    }
}
