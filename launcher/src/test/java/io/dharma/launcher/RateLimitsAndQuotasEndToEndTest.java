package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rate limits and quotas as a client meets them, on tenants that {@link SharedPlatform} gives
 * small figures of their own: a credential over its budget is refused with 429 while everyone
 * else is served, and a tenant without room for one more blueprint, policy, API key or event
 * stream gets 403 quota.exceeded.
 */
class RateLimitsAndQuotasEndToEndTest {

    static final String RATE_LIMITED_TENANT = "e2e-rate-limited";
    static final long CREDENTIAL_LIMIT = 5;
    static final String QUOTA_TENANT = "e2e-quota";
    static final long BLUEPRINT_QUOTA = 1;
    /** A tenant whose policies, API keys and event streams quotas are 0. */
    static final String NO_ROOM_TENANT = "e2e-no-room";

    private final RunningPlatform platform = SharedPlatform.get();

    @Test
    void aCredentialOverItsLimitGets429WithRetryAfterWhileOtherCredentialsAndTenantsAreServed() throws Exception {
        PlatformApi hasty = new PlatformApi(platform.apiUrl(), RATE_LIMITED_TENANT, "hasty");
        for (int i = 1; i <= CREDENTIAL_LIMIT; i++) {
            HttpResponse<String> served = hasty.get("/api/v1/caller");

            assertThat(served.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(served.headers().firstValue("RateLimit").orElseThrow())
                    .startsWith("\"credential\";r=" + (CREDENTIAL_LIMIT - i) + ";");
        }

        HttpResponse<String> refused = hasty.get("/api/v1/caller");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        // 5 per minute: a token every 12 s
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 12L);
        assertThat(refused.headers().firstValue("RateLimit-Policy").orElseThrow()).startsWith("\"credential\";q=5;w=60");
        assertThat(refused.body()).contains("\"code\":\"rate-limit.exceeded\"", "\"policy\":\"credential\"");

        PlatformApi colleague = new PlatformApi(platform.apiUrl(), RATE_LIMITED_TENANT, "patient");
        PlatformApi otherTenant = new PlatformApi(platform.apiUrl(), "e2e-rate-unaffected", "calm");
        assertThat(colleague.get("/api/v1/caller").statusCode()).as("another credential of the tenant").isEqualTo(200);
        assertThat(otherTenant.get("/api/v1/caller").statusCode()).as("another tenant").isEqualTo(200);
        assertThat(hasty.get("/api/v1/caller").statusCode()).as("and the hasty one is still refused").isEqualTo(429);
        HttpResponse<String> probe = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.apiUrl() + "/livez")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.headers().firstValue("RateLimit")).as("probes are not limited").isEmpty();
    }

    @Test
    void policiesApiKeysAndEventStreamsEachAnswerQuotaExceededWhenTheTenantHasNoRoom() throws Exception {
        PlatformApi api = new PlatformApi(platform.apiUrl(), NO_ROOM_TENANT);
        JsonNode builtin = PlatformApi.json(api.get("/api/v1/policies").body()).get("items").get(0);
        String policy = ((ObjectNode) builtin.deepCopy()).put("id", "no-room-copy")
                .remove(List.of("source", "enabled", "revision", "updatedAt", "updatedBy")).toString();
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "no-room");

        assertQuotaExceeded(api.post("/api/v1/policies", policy), "policies");
        assertQuotaExceeded(api.post("/api/v1/api-keys", "{\"role\":\"viewer\",\"name\":\"no-room\"}"), "api-keys");
        assertQuotaExceeded(api.get("/api/v1/tracking/" + accepted.trackingId() + "/events"), "sse-streams");
    }

    private static void assertQuotaExceeded(HttpResponse<String> response, String quota) {
        assertThat(response.statusCode()).as(quota + ": " + response.body()).isEqualTo(403);
        JsonNode problem = PlatformApi.json(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("quota.exceeded");
        assertThat(problem.get("quota").asString()).isEqualTo(quota);
        assertThat(problem.get("limit").asLong()).isZero();
    }

    @Test
    void aBlueprintBeyondTheTenantsQuotaIs403AndUsageCountsWhatWasCreated() throws Exception {
        PlatformApi api = new PlatformApi(platform.apiUrl(), QUOTA_TENANT);
        JsonNode before = usage(api);
        assertThat(quota(before, "blueprints")).isEqualTo("0/" + BLUEPRINT_QUOTA);
        assertThat(before.path("quotas")).extracting(quota -> quota.get("name").asString())
                .containsExactly("api-keys", "blueprints", "deployments", "policies", "sse-streams");

        api.submitExample("aws-web-app.yaml", "within-quota");
        JsonNode after = usage(api);
        HttpResponse<String> refused = api.trySubmitExample("aws-web-app.yaml", "beyond-quota");

        assertThat(quota(after, "blueprints")).isEqualTo("1/" + BLUEPRINT_QUOTA);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = PlatformApi.json(refused.body());
        assertThat(problem.get("code").asString()).isEqualTo("quota.exceeded");
        assertThat(problem.get("quota").asString()).isEqualTo("blueprints");
        assertThat(problem.get("used").asLong()).isEqualTo(1);
        assertThat(problem.get("limit").asLong()).isEqualTo(BLUEPRINT_QUOTA);
        assertThat(quota(usage(api), "blueprints")).as("nothing was stored").isEqualTo("1/" + BLUEPRINT_QUOTA);

        JsonNode credential = after.path("rateLimits").get(0);
        assertThat(credential.get("policy").asString()).isEqualTo("credential");
        // The bucket refills 200 tokens a second, so a few calls are back within milliseconds: what a
        // call takes is asserted with a fixed clock in RateLimiterTest; here only that the figure is sane.
        assertThat(credential.get("remaining").asLong()).isBetween(0L, credential.get("limit").asLong());
        assertThat(after.path("rateLimits").get(1).get("policy").asString()).isEqualTo("tenant");
    }

    private static JsonNode usage(PlatformApi api) throws Exception {
        HttpResponse<String> response = api.get("/api/v1/usage");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return PlatformApi.json(response.body());
    }

    private static String quota(JsonNode usage, String name) {
        for (JsonNode quota : usage.path("quotas")) {
            if (quota.get("name").asString().equals(name)) {
                return quota.get("used").asLong() + "/" + quota.get("limit").asLong();
            }
        }
        throw new AssertionError("no quota " + name + " in " + usage);
    }
}
