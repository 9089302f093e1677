package io.dharma.identity;

import io.dharma.testing.Browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.dharma.identity.user.NewUser;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

class AuthorizationServerTest {

    private static final String PASSWORD = "correct horse battery";

    private final IdentityServer server = IdentityServer.shared();

    @Test
    void deviceLoginGivesTheUserASignedAccessTokenWithItsTenantAndRoles() throws Exception {
        String username = newUser("acme", List.of("developer", "approver"));

        JsonNode tokens = Cli.deviceLogin(server, username, PASSWORD);

        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("refresh_token").asString()).isNotBlank();
        SignedJWT jwt = SignedJWT.parse(tokens.get("access_token").asString());
        JWKSet keys = JWKSet.parse(new Browser(server.url).get("/oauth2/jwks").body());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(server.url);
        assertThat(claims.getSubject()).isEqualTo(username);
        assertThat(claims.getAudience()).containsExactly("dharma");
        assertThat(claims.getStringClaim("dharma_tenant")).isEqualTo("acme");
        assertThat(claims.getStringListClaim("dharma_roles")).containsExactly("developer", "approver");
        assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant()))
                .isCloseTo(Duration.ofMinutes(15), Duration.ofSeconds(30));
        assertThat(server.events().seen).contains("loginSucceeded:" + username);
    }

    @Test
    void aRefreshTokenRotatesAndPresentingARotatedOneRevokesTheWholeLogin() {
        String username = newUser("acme", List.of("viewer"));
        JsonNode first = Cli.deviceLogin(server, username, PASSWORD);

        JsonNode second = Cli.json(Cli.refresh(server, first.get("refresh_token").asString()), 200);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());

        JsonNode reused = Cli.json(Cli.refresh(server, first.get("refresh_token").asString()), 400);
        assertThat(reused.get("error").asString()).isEqualTo("invalid_grant");
        JsonNode revoked = Cli.json(Cli.refresh(server, second.get("refresh_token").asString()), 400);
        assertThat(revoked.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(server.events().seen).containsOnlyOnce("refreshTokenReused:" + username + ":acme");
    }

    @Test
    void revokingTheRefreshTokenLogsOut() {
        String username = newUser("acme", List.of("viewer"));
        JsonNode tokens = Cli.deviceLogin(server, username, PASSWORD);

        assertThat(Cli.revoke(server, tokens.get("refresh_token").asString()).statusCode()).isEqualTo(200);

        JsonNode refused = Cli.json(Cli.refresh(server, tokens.get("refresh_token").asString()), 400);
        assertThat(refused.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(server.events().seen).contains("loggedOut:" + username).doesNotContain("refreshTokenReused:" + username + ":acme");
    }

    @Test
    void discoveryNamesTheIssuerAndTheDeviceEndpoint() {
        Browser client = new Browser(server.url);
        JsonNode oidc = Cli.json(client.api("GET", "/.well-known/openid-configuration", null, null), 200);
        assertThat(oidc.get("issuer").asString()).isEqualTo(server.url);
        assertThat(oidc.get("jwks_uri").asString()).isEqualTo(server.url + "/oauth2/jwks");
        assertThat(oidc.get("token_endpoint").asString()).isEqualTo(server.url + "/oauth2/token");
        JsonNode oauth = Cli.json(client.api("GET", "/.well-known/oauth-authorization-server", null, null), 200);
        assertThat(oauth.get("device_authorization_endpoint").asString()).isEqualTo(server.url + "/oauth2/device_authorization");
        assertThat(oauth.get("revocation_endpoint").asString()).isEqualTo(server.url + "/oauth2/revoke");
    }

    @Test
    void theCliLogsInWithPkceThroughALoopbackRedirectOnAnyPort() throws Exception {
        String username = newUser("acme", List.of("viewer"));
        Browser browser = new Browser(server.url);
        browser.logIn(username, PASSWORD);
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = "http://127.0.0.1:53682/callback";

        HttpResponse<String> authorized = browser.get(UriComponentsBuilder.fromUriString("/oauth2/authorize")
                .queryParam("response_type", "code").queryParam("client_id", Cli.CLIENT_ID)
                .queryParam("redirect_uri", redirect).queryParam("scope", "openid dharma").queryParam("state", "s1")
                .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                .encode().build().toUriString());

        assertThat(authorized.statusCode()).as(authorized.headers() + authorized.body()).isEqualTo(302);
        URI callback = URI.create(authorized.headers().firstValue("Location").orElseThrow());
        assertThat(callback.getPort()).isEqualTo(53682);
        Map<String, String> query = UriComponentsBuilder.fromUri(callback).build().getQueryParams().toSingleValueMap();
        assertThat(query).containsEntry("state", "s1").containsKey("code");
        JsonNode tokens = Cli.json(new Browser(server.url).post("/oauth2/token", Map.of(
                "grant_type", "authorization_code", "code", query.get("code"), "redirect_uri", redirect,
                "client_id", Cli.CLIENT_ID, "code_verifier", verifier)), 200);
        assertThat(SignedJWT.parse(tokens.get("access_token").asString()).getJWTClaimsSet().getSubject()).isEqualTo(username);
        assertThat(SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet().getAudience()).containsExactly(Cli.CLIENT_ID);
        assertThat(Cli.refresh(server, tokens.get("refresh_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theSigningKeySurvivesARestart() throws Exception {
        String username = newUser("acme", List.of("viewer"));
        SignedJWT issuedBefore = SignedJWT.parse(Cli.deviceLogin(server, username, PASSWORD).get("access_token").asString());

        try (var restarted = IdentityServer.start().context) {
            String url = "http://localhost:" + restarted.getEnvironment().getProperty("local.server.port");
            JWKSet keys = JWKSet.parse(new Browser(url).get("/oauth2/jwks").body());
            assertThat(keys.getKeys()).extracting(key -> key.getKeyID()).contains(issuedBefore.getHeader().getKeyID());
            assertThat(issuedBefore.verify(new RSASSAVerifier(
                    keys.getKeyByKeyId(issuedBefore.getHeader().getKeyID()).toRSAKey()))).isTrue();
        }
    }

    private String newUser(String tenant, List<String> roles) {
        String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
        server.users().create("test", new NewUser(username, tenant, roles, PASSWORD));
        return username;
    }
}
