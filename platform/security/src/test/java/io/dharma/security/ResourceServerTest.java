package io.dharma.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dharma.events.SecurityEvent;
import io.dharma.events.SecurityEventKind;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TestIssuer;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopicNames;
import io.dharma.web.Caller;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The resource server as a service runs it: real JWTs from two independently configured issuers
 * (stand-in IdPs: they are outside the product), API keys in real PostgreSQL, and the permission
 * matrix deciding on roles.
 */
class ResourceServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BOOTSTRAP_KEY = "bootstrap-admin-key-for-the-resource-server-test";

    private static TestIssuer companyIdp;
    private static ConfigurableApplicationContext app;
    private static String url;
    private final HttpClient http = HttpClient.newHttpClient();

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @RestController
    static class SampleService {
        @PostMapping("/api/v1/blueprints")
        Caller submit(Caller caller) {
            return caller;
        }
    }

    @BeforeAll
    static void start() {
        companyIdp = TestIssuer.start();
        Map<String, Object> properties = new HashMap<>(EmbeddedStack.get().springProperties());
        properties.put("server.port", 0);
        // A company IdP with its own audience and claim names.
        properties.put("dharma.security.issuers[1].issuer-uri", companyIdp.issuerUri());
        properties.put("dharma.security.issuers[1].audience", "platform-api");
        properties.put("dharma.security.issuers[1].tenant-claim", "team");
        properties.put("dharma.security.issuers[1].roles-claim", "groups");
        properties.put("dharma.security.issuers[1].user-claim", "email");
        properties.put("dharma.security.bootstrap-admin-key", BOOTSTRAP_KEY);
        app = new SpringApplicationBuilder(SampleService.class).properties(properties).run();
        url = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        app.close();
        companyIdp.close();
    }

    @Test
    void anonymousAndHeaderOnlyCallersGet401WithAChallenge() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/blueprints", null, Map.of("X-Dharma-Tenant", "team-a",
                "X-Dharma-User", "mallory"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer").contains("realm=\"dharma\"");
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(response).path("code").asString()).isEqualTo("auth.unauthenticated");
    }

    @Test
    void theCallerComesFromTheTokensClaims() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/blueprints",
                TestIssuer.get().token("team-a", "ana", Set.of("developer")), Map.of("X-Dharma-Tenant", "team-b"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("tenant").asString()).isEqualTo("team-a");
        assertThat(json(response).path("user").asString()).isEqualTo("ana");
    }

    @Test
    void aSecondIndependentlyConfiguredIssuerIsAcceptedWithItsOwnClaimNames() throws Exception {
        String token = companyIdp.token(Map.of("sub", "0042", "email", "bo@example.com", "team", "team-c",
                "groups", List.of("developer", "unknown-group")), "platform-api", Duration.ofMinutes(5));

        JsonNode caller = json(send("GET", "/api/v1/caller", token, Map.of()));

        assertThat(caller.path("tenant").asString()).isEqualTo("team-c");
        assertThat(caller.path("user").asString()).isEqualTo("bo@example.com");
        assertThat(caller.path("roles").toString()).isEqualTo("[\"developer\"]");
    }

    @Test
    void tokensForAnotherAudienceExpiredOrFromAnUntrustedIssuerAreRefused() throws Exception {
        Map<String, Object> claims = Map.of("sub", "ana", "dharma_tenant", "team-a", "dharma_roles", List.of("developer"));
        try (TestIssuer stranger = TestIssuer.start()) {
            assertThat(send("GET", "/api/v1/caller", TestIssuer.get().token(claims, "another-api", Duration.ofMinutes(5)), Map.of())
                    .statusCode()).isEqualTo(401);
            assertThat(send("GET", "/api/v1/caller", TestIssuer.get().token(claims, "dharma", Duration.ofMinutes(-5)), Map.of())
                    .statusCode()).isEqualTo(401);
            assertThat(send("GET", "/api/v1/caller", stranger.token("team-a", "ana"), Map.of()).statusCode()).isEqualTo(401);
            assertThat(send("GET", "/api/v1/caller", TestIssuer.get().token(Map.of("sub", "ana"), "dharma",
                    Duration.ofMinutes(5)), Map.of()).statusCode()).as("no tenant claim").isEqualTo(401);
        }
    }

    @Test
    void theMatrixDecidesByRole() throws Exception {
        HttpResponse<String> viewer = send("POST", "/api/v1/blueprints", TestIssuer.get().token("team-a", "vi", Set.of("viewer")), Map.of());

        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(json(viewer).path("code").asString()).isEqualTo("auth.forbidden");
        assertThat(send("GET", "/api/v1/not-in-the-matrix", TestIssuer.get().token("team-a", "ana"), Map.of()).statusCode())
                .as("an /api path not in the matrix is platform-admin only").isEqualTo(403);
    }

    @Test
    void apiKeysAreCreatedShownOnceBoundToATenantAndRoleAndRevocable() throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/api-keys", BOOTSTRAP_KEY,
                Map.of("Content-Type", "application/json"), "{\"tenant\":\"team-k\",\"role\":\"developer\",\"name\":\"ci\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String key = json(created).path("key").asString();
        String keyId = json(created).path("details").path("keyId").asString();
        assertThat(key).startsWith("dharma_" + keyId + "_");

        JsonNode caller = json(send("GET", "/api/v1/caller", key, Map.of()));
        assertThat(caller.path("tenant").asString()).isEqualTo("team-k");
        assertThat(caller.path("roles").toString()).isEqualTo("[\"developer\"]");
        assertThat(send("GET", "/api/v1/api-keys", key, Map.of()).statusCode()).as("a developer key cannot list keys").isEqualTo(403);

        String listed = send("GET", "/api/v1/api-keys?tenant=team-k", BOOTSTRAP_KEY, Map.of()).body();
        assertThat(listed).contains(keyId).doesNotContain(key);

        String tenantAdmin = TestIssuer.get().token("team-a", "admin-a", Set.of("tenant-admin"));
        assertThat(send("DELETE", "/api/v1/api-keys/" + keyId, tenantAdmin, Map.of()).statusCode())
                .as("another tenant's key is not found").isEqualTo(404);
        assertThat(send("POST", "/api/v1/api-keys", tenantAdmin, Map.of("Content-Type", "application/json"),
                "{\"role\":\"platform-admin\"}").statusCode()).isEqualTo(403);

        assertThat(send("DELETE", "/api/v1/api-keys/" + keyId, BOOTSTRAP_KEY, Map.of()).statusCode()).isEqualTo(204);
        assertThat(send("GET", "/api/v1/caller", key, Map.of()).statusCode()).isEqualTo(401);

        List<SecurityEvent> audit = TopicProbe.onStack().<SecurityEvent>await(DharmaTopicNames.SECURITY,
                        records -> records.stream().filter(r -> r.value().getSubject().equals(keyId)).count() == 2)
                .stream()
                .filter(record -> record.value().getSubject().equals(keyId))
                .peek(record -> assertThat(record.key()).as("keyed by tenant").isEqualTo("team-k"))
                .map(ConsumerRecord::value)
                .toList();
        assertThat(audit).extracting(SecurityEvent::getKind)
                .containsExactly(SecurityEventKind.API_KEY_CREATED, SecurityEventKind.API_KEY_REVOKED);
        assertThat(audit).allSatisfy(event -> {
            assertThat(event.getEnvelope().getTenantId()).isEqualTo("team-k");
            assertThat(event.getActor()).as("the bootstrap key acted").isNotBlank();
            assertThat(event.getDetails()).containsEntry("role", "developer").containsEntry("name", "ci");
        });
    }

    private HttpResponse<String> send(String method, String path, String bearer, Map<String, String> headers) throws Exception {
        return send(method, path, bearer, headers, null);
    }

    private HttpResponse<String> send(String method, String path, String bearer, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
