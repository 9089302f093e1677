package io.dharma.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in OIDC identity provider for tests (a company IdP is outside the product): it serves a
 * discovery document and a JWKS over HTTP on loopback and signs RS256 access tokens with the
 * claims the platform reads. {@link #get()} is the one every test JVM shares and
 * {@link EmbeddedStack#springProperties()} trusts; {@link #start()} makes an independent one.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "dharma";
    /** Every tenant role except platform-admin. */
    public static final Set<String> TENANT_ROLES =
            Set.of("viewer", "developer", "approver", "policy-admin", "tenant-admin", "auditor");

    private static TestIssuer shared;

    private final HttpServer server;
    private final RSAKey key;
    private final String issuer;

    private TestIssuer(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/issuer";
    }

    public static synchronized TestIssuer get() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public static TestIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            TestIssuer issuer = new TestIssuer(server, key);
            server.createContext("/issuer/.well-known/openid-configuration", exchange -> issuer.respond(exchange,
                    """
                    {"issuer":"%1$s","jwks_uri":"%1$s/jwks","authorization_endpoint":"%1$s/authorize",
                     "token_endpoint":"%1$s/token","subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"],"response_types_supported":["code"]}"""
                            .formatted(issuer.issuer)));
            server.createContext("/issuer/jwks", exchange -> issuer.respond(exchange,
                    new JWKSet(key.toPublicJWK()).toString()));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuerUri() {
        return issuer;
    }

    /** An access token for a user of a tenant holding every tenant role (not platform-admin). */
    public String token(String tenant, String user) {
        return token(tenant, user, TENANT_ROLES);
    }

    public String token(String tenant, String user, Set<String> roles) {
        return token(Map.of("sub", user, "dharma_tenant", tenant, "dharma_roles", List.copyOf(roles)),
                AUDIENCE, Duration.ofMinutes(15));
    }

    /** A token with exactly these claims (besides iss, aud, iat, exp, jti), for tests of refusals. */
    public String token(Map<String, Object> claims, String audience, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    builder.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
