package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Notifications on the one-JVM platform: subscriptions through the API, signed CloudEvents to
 * local receivers standing in for the teams' endpoints, retries, dead letters and isolation.
 */
class NotificationsEndToEndTest {

    /** dharma.notifier.delivery.max-attempts on the shared platform. */
    static final int MAX_ATTEMPTS = 3;
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final RunningPlatform platform = SharedPlatform.get();

    @Test
    void aProductionSubmissionSendsASignedApprovalNeededThenSucceededWhileADeadEndpointEndsInADeadLetter() throws Exception {
        String tenant = "e2e-notify-" + shortId();
        PlatformApi api = new PlatformApi(platform.apiUrl(), tenant);
        try (HttpReceiver healthy = HttpReceiver.healthy(); HttpReceiver dead = HttpReceiver.hanging()) {
            JsonNode subscription = create(api, "{\"target\":\"webhook\",\"url\":\"" + healthy.url("/hooks/dharma") + "\"}");
            String secret = subscription.path("secret").asString();
            assertThat(secret).startsWith("whsec_");
            JsonNode deadSubscription = create(api, "{\"target\":\"webhook\",\"url\":\"" + dead.url("/never")
                    + "\",\"events\":[\"approval-needed\"]}");

            PlatformApi.Accepted accepted = api.submitExample("aws-prod-api.yaml", "notified-" + shortId());

            HttpReceiver.Received approval = awaitEvent(healthy, "io.dharma.deployment.approval-needed");
            JsonNode event = PlatformApi.json(approval.body());
            assertThat(approval.header("Content-Type")).isEqualTo("application/cloudevents+json");
            assertThat(event.path("specversion").asString()).isEqualTo("1.0");
            assertThat(event.path("subject").asString()).isEqualTo(accepted.blueprintId());
            assertThat(approval.header("webhook-id")).isEqualTo(event.path("id").asString());
            assertThat(approval.header("webhook-signature")).isEqualTo(signature(secret, approval));
            JsonNode data = event.path("data");
            assertThat(data.path("environment").asString()).isEqualTo("prod");
            String deploymentId = data.path("deploymentId").asString();
            assertThat(data.path("approveCommand").asString()).isEqualTo("dharma approve " + deploymentId);
            // The dead endpoint holds its call for the whole timeout; the healthy one was served meanwhile.
            assertThat(deliveries(api, deadSubscription).get(0).path("status").asString()).isEqualTo("PENDING");

            PlatformApi approver = PlatformApi.withBearer(platform.apiUrl(), PlatformApi.bearer(tenant, "approver-ana"));
            assertThat(approver.post("/api/v1/deployments/" + deploymentId + "/approve", "{}").statusCode()).isEqualTo(202);
            HttpReceiver.Received succeeded = awaitEvent(healthy, "io.dharma.deployment.succeeded");
            assertThat(succeeded.header("webhook-signature")).isEqualTo(signature(secret, succeeded));

            Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode line = deliveries(api, deadSubscription).get(0);
                assertThat(line.path("status").asString()).isEqualTo("DEAD");
                assertThat(line.path("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
                assertThat(line.path("lastError").asString()).contains("no answer within");
            });
            assertThat(dead.received()).hasSize(MAX_ATTEMPTS);
            assertThat(deliveries(api, subscription)).extracting(line -> line.path("status").asString())
                    .containsOnly("DELIVERED");
        }
    }

    @Test
    void aChangeApprovedInServiceNowApprovesTheDeploymentWithTheServiceNowApproverRecorded() throws Exception {
        String tenant = "e2e-notify-snow-" + shortId();
        PlatformApi api = new PlatformApi(platform.apiUrl(), tenant);
        String approvalKey = PlatformApi.json(api.post("/api/v1/api-keys",
                "{\"role\":\"approver\",\"name\":\"servicenow\"}").body()).path("key").asString();
        java.util.concurrent.atomic.AtomicReference<String> approval = new java.util.concurrent.atomic.AtomicReference<>("requested");
        try (HttpReceiver serviceNow = HttpReceiver.answering(request -> {
            if (request.method().equals("POST") && request.path().equals("/api/now/table/change_request")) {
                return new HttpReceiver.Answer(201, "{\"result\":{\"sys_id\":\"c0ffee\",\"number\":\"CHG0042\"}}");
            }
            if (request.path().startsWith("/api/now/table/change_request/c0ffee")) {
                return new HttpReceiver.Answer(200, "{\"result\":{\"approval\":\"" + approval.get() + "\",\"number\":\"CHG0042\"}}");
            }
            if (request.path().startsWith("/api/now/table/sysapproval_approver")) {
                return new HttpReceiver.Answer(200, "{\"result\":[{\"approver.user_name\":\"jane.doe\"}]}");
            }
            return new HttpReceiver.Answer(404, "{}");
        })) {
            JsonNode subscription = create(api, "{\"target\":\"servicenow\",\"url\":\"" + serviceNow.url("") + "\","
                    + "\"credentials\":\"dharma-bridge:s3cret\",\"approvalKey\":\"" + approvalKey + "\"}");
            assertThat(subscription.path("environments").toString()).isEqualTo("[\"prod\"]");
            assertThat(subscription.toString()).doesNotContain("s3cret").doesNotContain(approvalKey);

            PlatformApi.Accepted accepted = api.submitExample("aws-prod-api.yaml", "snow-" + shortId());
            HttpReceiver.Received opened = Awaitility.await().atMost(PATIENCE).until(() -> serviceNow.received().stream()
                    .filter(request -> request.method().equals("POST")).findFirst(), java.util.Optional::isPresent).orElseThrow();
            assertThat(opened.header("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString("dharma-bridge:s3cret".getBytes(StandardCharsets.UTF_8)));
            String deploymentId = PlatformApi.json(opened.body()).path("correlation_id").asString();
            assertThat(PlatformApi.json(opened.body()).path("short_description").asString()).contains("Approval needed");

            approval.set("approved");
            Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode deployment = PlatformApi.json(api.get("/api/v1/blueprints/" + accepted.blueprintId()
                        + "/deployments").body()).get(0);
                assertThat(deployment.path("deploymentId").asString()).isEqualTo(deploymentId);
                assertThat(deployment.path("decidedBy").asString()).isEqualTo("servicenow:jane.doe via key:servicenow");
            });
        }
    }

    @Test
    void aPersonCannotClaimToDecideOnBehalfOfSomeoneElse() throws Exception {
        PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-notify-behalf");
        var answer = api.post("/api/v1/deployments/" + UUID.randomUUID() + "/approve", "{\"onBehalfOf\":\"servicenow:ceo\"}");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(PlatformApi.json(answer.body()).path("code").asString()).isEqualTo("deployment.on-behalf-not-allowed");
    }

    @Test
    void aTargetAnswering500IsRetriedWithTheSameIdAndADeadLetterIsRedelivered() throws Exception {
        PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-notify-retry");
        AtomicInteger calls = new AtomicInteger();
        try (HttpReceiver flaky = HttpReceiver.answering(request -> calls.incrementAndGet() <= 2
                ? new HttpReceiver.Answer(500, "{\"error\":\"try later\"}") : new HttpReceiver.Answer(204, ""))) {
            JsonNode subscription = create(api, "{\"target\":\"webhook\",\"url\":\"" + flaky.url("/flaky") + "\"}");
            String eventId = test(api, subscription);

            Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode line = deliveries(api, subscription).get(0);
                assertThat(line.path("status").asString()).isEqualTo("DELIVERED");
                assertThat(line.path("attempts").asInt()).isEqualTo(3);
            });
            assertThat(flaky.received()).extracting(received -> received.header("webhook-id")).containsOnly(eventId);

            flaky.answer(request -> new HttpReceiver.Answer(503, "down"));
            String second = test(api, subscription);
            Awaitility.await().atMost(PATIENCE).untilAsserted(() -> {
                JsonNode line = line(api, subscription, second);
                assertThat(line.path("status").asString()).isEqualTo("DEAD");
                assertThat(line.path("lastStatusCode").asInt()).isEqualTo(503);
            });
            flaky.answer(request -> new HttpReceiver.Answer(200, "{}"));
            assertThat(api.post("/api/v1/subscriptions/" + subscription.path("id").asString() + "/redeliver",
                    "{\"eventId\":\"" + second + "\"}").body()).contains("\"redelivered\":1");
            Awaitility.await().atMost(PATIENCE).untilAsserted(() ->
                    assertThat(line(api, subscription, second).path("status").asString()).isEqualTo("DELIVERED"));
        }
    }

    @Test
    void targetsOnTheMetadataAddressAreRefusedAndSecretsAreNeverShownAgain() throws Exception {
        PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-notify-safety");
        var refused = api.post("/api/v1/subscriptions",
                "{\"target\":\"webhook\",\"url\":\"http://169.254.169.254/latest/meta-data/\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(PlatformApi.json(refused.body()).path("code").asString()).isEqualTo("subscription.target-not-allowed");
        var unknown = api.post("/api/v1/subscriptions", "{\"target\":\"webhook\",\"url\":\"http://127.0.0.1:1/\","
                + "\"events\":[\"everything\"]}");
        assertThat(PlatformApi.json(unknown.body()).path("code").asString()).isEqualTo("subscription.invalid");

        JsonNode created = create(api, "{\"target\":\"webhook\",\"url\":\"http://127.0.0.1:1/hook\"}");
        String id = created.path("id").asString();
        assertThat(api.get("/api/v1/subscriptions").body()).contains(id).doesNotContain(created.path("secret").asString());
        assertThat(api.get("/api/v1/subscriptions/" + id).body()).doesNotContain("secret");
        PlatformApi otherTenant = new PlatformApi(platform.apiUrl(), "e2e-notify-other");
        assertThat(otherTenant.get("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
        assertThat(api.delete("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(204);
        assertThat(api.get("/api/v1/subscriptions/" + id).statusCode()).isEqualTo(404);
    }

    static JsonNode create(PlatformApi api, String body) throws Exception {
        var response = api.post("/api/v1/subscriptions", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return PlatformApi.json(response.body());
    }

    static List<JsonNode> deliveries(PlatformApi api, JsonNode subscription) throws Exception {
        JsonNode items = PlatformApi.json(api.get("/api/v1/subscriptions/" + subscription.path("id").asString()
                + "/deliveries").body()).path("items");
        assertThat(items.isEmpty()).as("deliveries of " + subscription.path("id").asString()).isFalse();
        return List.copyOf(items.values());
    }

    private static JsonNode line(PlatformApi api, JsonNode subscription, String eventId) throws Exception {
        return deliveries(api, subscription).stream().filter(line -> line.path("eventId").asString().equals(eventId))
                .findFirst().orElseThrow();
    }

    private static String test(PlatformApi api, JsonNode subscription) throws Exception {
        var response = api.post("/api/v1/subscriptions/" + subscription.path("id").asString() + "/test", "{}");
        assertThat(response.statusCode()).isEqualTo(202);
        return PlatformApi.json(response.body()).path("eventId").asString();
    }

    private static HttpReceiver.Received awaitEvent(HttpReceiver receiver, String type) {
        return Awaitility.await().atMost(PATIENCE).until(() -> receiver.received().stream()
                .filter(received -> PlatformApi.json(received.body()).path("type").asString().equals(type))
                .findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    /** The receiver's side of Standard Webhooks, written here apart from the notifier's own code. */
    static String signature(String secret, HttpReceiver.Received received) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = received.header("webhook-id") + "." + received.header("webhook-timestamp") + "." + received.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
