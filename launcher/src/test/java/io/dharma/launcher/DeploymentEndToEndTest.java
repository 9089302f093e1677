package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.dharma.testing.ExampleBlueprints;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Submission to deployment on the one-JVM platform, every service real: intake, generator,
 * guardrails, cost estimator, orchestrator and the sandbox cloud.
 */
class DeploymentEndToEndTest {

    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(120);

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), "e2e-deploy");

    @Test
    void theAwsWebAppIsDeployedWithEveryResourceInTheSandboxThenDestroyed() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "web-" + shortId());

        JsonNode deployment = awaitDeployment(accepted.blueprintId(), "SUCCEEDED");
        int resources = ExampleBlueprints.blueprint("aws-web-app.yaml").spec().resources().size();
        assertThat(deployment.path("decidedBy").asString()).isEqualTo("system");
        assertThat(deployment.path("plan").path("toAdd").asInt()).isEqualTo(resources);
        assertThat(inventory(accepted.blueprintId()).size()).isEqualTo(resources);
        assertThat(inventory(accepted.blueprintId()).get(0).path("providerId").asString()).startsWith("arn:aws:");

        String destroyId = PlatformApi.json(api.post("/api/v1/blueprints/" + accepted.blueprintId() + "/destroy", "{}").body())
                .path("deploymentId").asString();
        Awaitility.await().atMost(DEPLOY_TIMEOUT).untilAsserted(() ->
                assertThat(status(accepted.blueprintId(), destroyId)).isEqualTo("DESTROYED"));
        assertThat(inventory(accepted.blueprintId()).size()).isZero();
    }

    @Test
    void aProductionBlueprintWaitsForApprovalThenDeploys() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-prod-api.yaml", "prod-" + shortId());

        JsonNode waiting = awaitDeployment(accepted.blueprintId(), "AWAITING_APPROVAL");
        assertThat(inventory(accepted.blueprintId()).size()).isZero();
        String id = waiting.path("deploymentId").asString();
        assertThat(api.post("/api/v1/deployments/" + id + "/approve", "{}").statusCode())
                .as("four-eyes: the submitter cannot approve its own production deployment").isEqualTo(403);
        PlatformApi approver = PlatformApi.withBearer(platform.apiUrl(), PlatformApi.bearer("e2e-deploy", "approver-ana"));
        assertThat(approver.post("/api/v1/deployments/" + id + "/approve", "{\"comment\":\"change ticket 42\"}").statusCode())
                .isEqualTo(202);

        JsonNode deployed = awaitDeployment(accepted.blueprintId(), "SUCCEEDED");
        assertThat(deployed.path("decidedBy").asString()).isEqualTo("approver-ana");
        assertThat(inventory(accepted.blueprintId()).size())
                .isEqualTo(ExampleBlueprints.blueprint("aws-prod-api.yaml").spec().resources().size());
    }

    @Test
    void aRejectedDeploymentEndsWithoutTouchingTheCloud() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-prod-api.yaml", "rejected-" + shortId());

        String id = awaitDeployment(accepted.blueprintId(), "AWAITING_APPROVAL").path("deploymentId").asString();
        assertThat(api.post("/api/v1/deployments/" + id + "/reject", "{\"comment\":\"not this quarter\"}").statusCode())
                .isEqualTo(200);

        Awaitility.await().atMost(DEPLOY_TIMEOUT).untilAsserted(() ->
                assertThat(status(accepted.blueprintId(), id)).isEqualTo("REJECTED"));
        assertThat(api.post("/api/v1/deployments/" + id + "/approve", "{}").statusCode()).isEqualTo(409);
        assertThat(inventory(accepted.blueprintId()).size()).isZero();
    }

    @Test
    void theInsecureExampleIsBlockedAndNeverDeployed() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("insecure-demo.yaml", "insecure-" + shortId());

        JsonNode blocked = awaitDeployment(accepted.blueprintId(), "BLOCKED");
        assertThat(blocked.path("statusReason").asString()).contains("GUARDRAILS");
        assertThat(inventory(accepted.blueprintId()).size()).isZero();
    }

    @Test
    void aSecondVersionAppliesOnlyItsChanges() throws Exception {
        String name = "update-" + shortId();
        PlatformApi.Accepted first = api.submitExample("aws-web-app.yaml", name);
        awaitDeployment(first.blueprintId(), "SUCCEEDED");

        PlatformApi.Accepted second = api.submitExample("aws-web-app.yaml", name, "size: small", "size: medium");
        assertThat(second.blueprintId()).isEqualTo(first.blueprintId());
        assertThat(second.version()).isEqualTo(2);

        Awaitility.await().atMost(DEPLOY_TIMEOUT).untilAsserted(() -> {
            JsonNode latest = latestDeployment(first.blueprintId());
            assertThat(latest.path("blueprintVersion").asInt()).isEqualTo(2);
            assertThat(latest.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(latest.path("plan").path("toAdd").asInt()).isZero();
            assertThat(latest.path("plan").path("toChange").asInt()).isEqualTo(1);
            assertThat(latest.path("plan").path("toDestroy").asInt()).isZero();
        });
    }

    private JsonNode awaitDeployment(String blueprintId, String status) {
        AtomicReference<JsonNode> found = new AtomicReference<>();
        Awaitility.await().atMost(DEPLOY_TIMEOUT).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode latest = latestDeployment(blueprintId);
            assertThat(latest.path("status").asString()).isEqualTo(status);
            found.set(latest);
        });
        return found.get();
    }

    private JsonNode latestDeployment(String blueprintId) throws Exception {
        JsonNode list = PlatformApi.json(api.get("/api/v1/blueprints/" + blueprintId + "/deployments").body());
        assertThat(list.isArray() && !list.isEmpty()).as("deployments of %s", blueprintId).isTrue();
        return list.get(0);
    }

    /** The deployment's status from the blueprint's list of deployments (the state's). */
    private String status(String blueprintId, String deploymentId) throws Exception {
        JsonNode list = PlatformApi.json(api.get("/api/v1/blueprints/" + blueprintId + "/deployments").body());
        for (JsonNode deployment : list) {
            if (deployment.path("deploymentId").asString().equals(deploymentId)) {
                return deployment.path("status").asString();
            }
        }
        throw new AssertionError("no deployment " + deploymentId + " among " + list);
    }

    private JsonNode inventory(String blueprintId) throws Exception {
        return PlatformApi.json(api.get("/api/v1/sandbox/resources?blueprintId=" + blueprintId).body()).path("items");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
