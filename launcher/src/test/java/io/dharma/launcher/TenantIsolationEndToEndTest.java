package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.dharma.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Tenant A owns one of everything (a blueprint whose deployment awaits approval, its tracking and
 * audit timeline, a policy, an API key, a user); tenant B, holding every tenant role, calls every
 * operation of {@code contracts/openapi.yaml} on A's real ids. Each answers 404 (never 403, which
 * would confirm the id exists), each list leaves A's ids out, and A's objects are unchanged after.
 * The sandbox operations are platform-wide (the simulated cloud) and platform-admin for changes,
 * so they are not tenant data.
 */
class TenantIsolationEndToEndTest {

    private static final String TENANT_A = "e2e-iso-a";
    private static final String TENANT_B = "e2e-iso-b";
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(120);

    private static RunningPlatform platform;
    private static Map<String, String> ownedByA;
    private static String keyOfA;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void tenantAOwnsOneOfEverything() throws Exception {
        platform = SharedPlatform.get();
        PlatformApi a = new PlatformApi(platform.apiUrl(), TENANT_A);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PlatformApi.Accepted accepted = a.submitExample("aws-web-app.yaml", "iso-" + suffix,
                "approval: auto", "approval: required");
        String deploymentId = Awaitility.await().atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode list = PlatformApi.json(a.get("/api/v1/blueprints/" + accepted.blueprintId() + "/deployments").body());
            return list.isArray() && !list.isEmpty() && list.get(0).path("status").asString().equals("AWAITING_APPROVAL")
                    ? list.get(0).path("deploymentId").asString() : null;
        }, id -> id != null);
        String policyId = "iso.owned-by-a";
        assertThat(a.post("/api/v1/policies", """
                {"id":"%s","title":"Owned by A","severity":"low","enforcement":"warn",
                 "resourceTypes":["storage.bucket"],"expression":"true","message":"ok"}""".formatted(policyId)).statusCode())
                .isEqualTo(201);
        JsonNode key = PlatformApi.json(a.post("/api/v1/api-keys", "{\"role\":\"viewer\",\"name\":\"iso\"}").body());
        keyOfA = key.path("key").asString();
        String username = "iso-user-" + suffix;
        assertThat(a.post("/api/v1/users", "{\"username\":\"%s\",\"roles\":[\"viewer\"]}".formatted(username))
                .statusCode()).isEqualTo(201);
        HttpResponse<String> subscription = a.post("/api/v1/subscriptions",
                "{\"target\":\"webhook\",\"url\":\"http://127.0.0.1:9/iso\",\"events\":[\"failed\"]}");
        assertThat(subscription.statusCode()).isEqualTo(201);
        ownedByA = Map.ofEntries(
                Map.entry("blueprintId", accepted.blueprintId()),
                Map.entry("version", "1"),
                Map.entry("folder", "hcl"),
                Map.entry("file", "main.tf"),
                Map.entry("trackingId", accepted.trackingId()),
                Map.entry("deploymentId", deploymentId),
                Map.entry("id", policyId),
                Map.entry("keyId", key.path("details").path("keyId").asString()),
                Map.entry("username", username),
                Map.entry("subscriptionId", PlatformApi.json(subscription.body()).path("id").asString()));
    }

    @Test
    void everyOperationOnAnotherTenantsIdsAnswers404LeavesThemOutOfListsAndChangesNothing() throws Exception {
        String bearerB = TestIssuer.get().token(TENANT_B, "iso-b-user");
        JsonNode paths = OpenApiDocument.load().root().path("paths");
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> item : paths.properties()) {
            String template = item.getKey();
            if (template.startsWith("/api/v1/sandbox/") || template.endsWith("/events")) {
                continue; // the simulated cloud is platform-wide; the event stream is checked below
            }
            for (String method : item.getValue().propertyNames()) {
                if (!OpenApiDocument.METHODS.contains(method)) {
                    continue;
                }
                String path = withIdsOfA(template);
                HttpResponse<String> response = call(method.toUpperCase(), path, bearerB);
                calls++;
                if (!path.equals(template)) {
                    if (response.statusCode() != 404) {
                        leaks.add(method.toUpperCase() + " " + template + " answered " + response.statusCode());
                    }
                } else if (method.equals("get")) {
                    ownedByA.values().stream().filter(id -> id.length() > 2 && response.body().contains(id))
                            .forEach(id -> leaks.add("GET " + template + " lists " + id));
                }
            }
        }
        assertThat(calls).isGreaterThan(25);
        assertThat(leaks).isEmpty();
        assertThat(call("GET", "/api/v1/tracking/" + ownedByA.get("trackingId") + "/events", bearerB).statusCode())
                .isEqualTo(404);

        PlatformApi a = new PlatformApi(platform.apiUrl(), TENANT_A);

        // The blueprint's list, from the state (as the setup awaited it).
        JsonNode deployments = PlatformApi.json(a.get("/api/v1/blueprints/" + ownedByA.get("blueprintId") + "/deployments").body());
        assertThat(deployments.get(0).path("deploymentId").asString()).isEqualTo(ownedByA.get("deploymentId"));
        assertThat(deployments.get(0).path("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(PlatformApi.json(a.get("/api/v1/policies/" + ownedByA.get("id")).body())
                .path("enabled").asBoolean()).isTrue();
        assertThat(call("GET", "/api/v1/caller", keyOfA).statusCode()).as("A's key still works").isEqualTo(200);
        assertThat(a.get("/api/v1/subscriptions/" + ownedByA.get("subscriptionId")).statusCode())
                .as("A's subscription is still there").isEqualTo(200);
        assertThat(a.get("/api/v1/users").body()).contains(ownedByA.get("username"));
        assertThat(PlatformApi.json(a.get("/api/v1/users").body()).toString())
                .doesNotContain("\"enabled\":false");
    }

    private static String withIdsOfA(String template) {
        String path = template;
        for (Map.Entry<String, String> id : ownedByA.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(path).as("every parameter of %s has an id of A", template).doesNotContain("{");
        return path;
    }

    private HttpResponse<String> call(String method, String path, String bearer) throws Exception {
        // A valid replacement, so a PUT that reached A's policy would change it rather than fail validation.
        String body = method.equals("PUT") ? """
                {"title":"Taken over","severity":"low","enforcement":"warn","resourceTypes":["storage.bucket"],
                 "expression":"true","message":"mine"}""" : "{}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
