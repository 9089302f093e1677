package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.dharma.events.CostEstimated;
import io.dharma.events.CostLineItem;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.PolicyViolation;
import io.dharma.events.TerraformFile;
import io.dharma.kafka.outbox.OutboxRelay;
import io.dharma.testing.TopicProbe;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the user gets back: for each example, the Terraform (every file byte for byte, both zips),
 * the cost and the verdict read from the streams application equal the events on the topics; the
 * plan of a deployment equals its DeploymentPlanned; and the tracking URL answers ACCEPTED for a
 * submission the state cannot have yet.
 */
class ResultsEndToEndTest {

    private static final String TENANT = "e2e-results";
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), TENANT);
    private final TopicProbe probe = new TopicProbe(platform.bootstrapServers(), platform.registryUrl());

    @ParameterizedTest
    @ValueSource(strings = {"aws-web-app.yaml", "aws-prod-api.yaml", "azure-data-platform.yaml",
        "gcp-kubernetes-service.yaml", "insecure-demo.yaml"})
    void everyResultOfAnExampleIsTheEventAsPublished(String example) throws Exception {
        PlatformApi.Accepted accepted = api.submitExample(example, "results-" + UUID.randomUUID().toString().substring(0, 8));
        String version = "/api/v1/blueprints/" + accepted.blueprintId() + "/versions/" + accepted.version();

        IacEvent iac = this.<IacEvent>event("dharma.iac.v1", accepted);
        JsonNode iacRead = awaitJson(version + "/iac");
        assertIacMatches(version, iac, iacRead);

        CostEstimated cost = this.<CostEstimated>event("dharma.costs.v1", accepted);
        assertCostMatches(cost, awaitJson(version + "/cost"));

        GuardrailsEvaluated verdict = this.<GuardrailsEvaluated>event("dharma.guardrails.v1", accepted);
        assertVerdictMatches(verdict, awaitJson(version + "/verdict"));

        JsonNode tracking = PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body());
        assertThat(tracking.path("links").path("iac").asString()).isEqualTo(version + "/iac");
        assertThat(tracking.path("links").path("cost").asString()).isEqualTo(version + "/cost");
        assertThat(tracking.path("links").path("verdict").asString()).isEqualTo(version + "/verdict");

        PlatformApi other = new PlatformApi(platform.apiUrl(), TENANT + "-other");
        for (String read : List.of("/iac", "/cost", "/verdict", "/iac.zip")) {
            HttpResponse<String> hidden = other.get(version + read);
            assertThat(hidden.statusCode()).as(read).isEqualTo(404);
            assertThat(PlatformApi.json(hidden.body()).path("code").asString()).as(read).isEqualTo("blueprint.not-found");
        }
        HttpResponse<String> unknownVersion = api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/versions/99/cost");
        assertThat(unknownVersion.statusCode()).isEqualTo(404);
        assertThat(PlatformApi.json(unknownVersion.body()).path("code").asString()).isEqualTo("blueprint.not-found");
    }

    @Test
    void thePlanOfADeploymentIsItsPlannedEvent() throws Exception {
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", "plan-" + UUID.randomUUID().toString().substring(0, 8));
        DeploymentEvent planned = probe.<DeploymentEvent>awaitValues("dharma.deployments.v1", accepted.blueprintId(),
                        events -> events.stream().anyMatch(event -> event.getPayload() instanceof DeploymentPlanned), PATIENCE)
                .stream().filter(event -> event.getPayload() instanceof DeploymentPlanned).findFirst().orElseThrow();
        DeploymentPlanned plan = (DeploymentPlanned) planned.getPayload();

        JsonNode read = awaitJson("/api/v1/deployments/" + planned.getDeploymentId() + "/plan");

        assertThat(read.path("toAdd").asInt()).isEqualTo(plan.getToAdd());
        assertThat(read.path("toChange").asInt()).isEqualTo(plan.getToChange());
        assertThat(read.path("toDestroy").asInt()).isEqualTo(plan.getToDestroy());
        assertThat(read.path("eventId").asString()).isEqualTo(String.valueOf(planned.getEnvelope().getEventId()));
        assertThat(read.path("actions")).hasSize(plan.getActions().size());
        for (int i = 0; i < plan.getActions().size(); i++) {
            JsonNode action = read.path("actions").get(i);
            assertThat(action.path("resourceName").asString()).isEqualTo(plan.getActions().get(i).getResourceName());
            assertThat(action.path("resourceType").asString()).isEqualTo(plan.getActions().get(i).getResourceType());
            assertThat(action.path("address").asString(null)).isEqualTo(plan.getActions().get(i).getAddress());
            assertThat(action.path("action").asString()).isEqualTo(plan.getActions().get(i).getAction().name());
        }
        JsonNode tracking = PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body());
        assertThat(tracking.path("links").path("plan").asString())
                .isEqualTo("/api/v1/deployments/" + planned.getDeploymentId() + "/plan");
        HttpResponse<String> hidden = new PlatformApi(platform.apiUrl(), TENANT + "-other")
                .get("/api/v1/deployments/" + planned.getDeploymentId() + "/plan");
        assertThat(PlatformApi.json(hidden.body()).path("code").asString()).isEqualTo("deployment.not-found");
    }

    /**
     * With the outbox relay stopped the submission's event cannot reach Kafka, so the state cannot
     * have it: the tracking URL still answers, ACCEPTED, from intake's receipt over HTTP, and
     * another tenant gets 404. Then the relay runs again and the same URL follows the state.
     */
    @Test
    void theTrackingUrlAnswersAcceptedBeforeTheStateHasTheSubmission() throws Exception {
        OutboxRelay relay = platform.context().getBean(OutboxRelay.class);
        PlatformApi.Accepted accepted;
        relay.stop();
        try {
            accepted = api.submitExample("aws-web-app.yaml", "early-" + UUID.randomUUID().toString().substring(0, 8));
            HttpResponse<String> early = api.get("/api/v1/tracking/" + accepted.trackingId());
            assertThat(early.statusCode()).isEqualTo(200);
            JsonNode tracking = PlatformApi.json(early.body());
            assertThat(tracking.path("status").asString()).isEqualTo("ACCEPTED");
            assertThat(tracking.path("blueprintId").asString()).isEqualTo(accepted.blueprintId());
            assertThat(tracking.path("version").asInt()).isEqualTo(accepted.version());
            assertThat(tracking.path("stages")).isEmpty();
            assertThat(new PlatformApi(platform.apiUrl(), TENANT + "-other").get("/api/v1/tracking/" + accepted.trackingId())
                    .statusCode()).isEqualTo(404);
            HttpResponse<String> notYet = api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/versions/1/iac");
            assertThat(notYet.statusCode()).isEqualTo(404);
        } finally {
            relay.start();
        }
        Awaitility.await().atMost(PATIENCE).until(() -> !"ACCEPTED".equals(PlatformApi.json(
                api.get("/api/v1/tracking/" + accepted.trackingId()).body()).path("status").asString()));
    }

    private <V> V event(String topic, PlatformApi.Accepted accepted) {
        return probe.<V>awaitValues(topic, accepted.blueprintId(), values -> !values.isEmpty(), PATIENCE).getLast();
    }

    private JsonNode awaitJson(String path) throws Exception {
        Awaitility.await().atMost(PATIENCE).until(() -> api.get(path).statusCode() == 200);
        return PlatformApi.json(api.get(path).body());
    }

    private void assertIacMatches(String version, IacEvent iac, JsonNode read) throws Exception {
        assertThat(read.path("cloud").asString()).isEqualTo(iac.getCloud().name());
        assertThat(read.path("eventId").asString()).isEqualTo(String.valueOf(iac.getEnvelope().getEventId()));
        if (!(iac.getPayload() instanceof IacGenerated generated)) {
            assertThat(read.path("status").asString()).isEqualTo("FAILED");
            return;
        }
        assertThat(read.path("status").asString()).isEqualTo("GENERATED");
        assertThat(read.path("contentHash").asString()).isEqualTo(generated.getContentHash());
        assertThat(read.path("generatorVersion").asString(null)).isEqualTo(generated.getGeneratorVersion());
        assertThat(read.path("resources")).hasSize(generated.getResources().size());
        assertThat(read.path("files")).hasSize(generated.getFiles().size());
        for (int i = 0; i < generated.getFiles().size(); i++) {
            TerraformFile file = generated.getFiles().get(i);
            byte[] bytes = file.getContent().getBytes(StandardCharsets.UTF_8);
            JsonNode listed = read.path("files").get(i);
            assertThat(listed.path("path").asString()).isEqualTo(file.getPath());
            assertThat(listed.path("size").asInt()).isEqualTo(bytes.length);
            assertThat(listed.path("sha256").asString()).isEqualTo(sha256(bytes));
            assertThat(listed.path("format").asString()).isEqualTo(file.getPath().endsWith(".tf.json") ? "json" : "hcl");

            HttpResponse<byte[]> content = api.getBytes(version + "/iac/files/" + file.getPath());
            assertThat(content.statusCode()).as(file.getPath()).isEqualTo(200);
            assertThat(content.body()).as(file.getPath()).isEqualTo(bytes);
            assertThat(content.headers().firstValue("ETag")).contains("\"" + sha256(bytes) + "\"");
            assertThat(content.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith(file.getPath().endsWith(".tf.json") ? "application/json" : "text/plain");
        }
        assertThat(read.path("files").findValuesAsString("format")).contains("hcl", "json");
        assertThat(PlatformApi.json(api.get(version + "/iac?format=json").body()).path("files"))
                .allSatisfy(file -> assertThat(file.path("path").asString()).endsWith(".tf.json"));
        for (String format : List.of("hcl", "json")) {
            HttpResponse<byte[]> zip = api.getBytes(version + "/iac.zip?format=" + format);
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("attachment").contains(".zip").contains(format);
            Map<String, byte[]> expected = new LinkedHashMap<>();
            generated.getFiles().stream().filter(file -> file.getPath().startsWith(format + "/"))
                    .forEach(file -> expected.put(file.getPath().substring(format.length() + 1),
                            file.getContent().getBytes(StandardCharsets.UTF_8)));
            Map<String, byte[]> entries = entries(zip.body());
            assertThat(entries.keySet()).containsExactlyElementsOf(expected.keySet());
            expected.forEach((name, bytes) -> assertThat(entries.get(name)).as(name).isEqualTo(bytes));
        }
    }

    private static void assertCostMatches(CostEstimated cost, JsonNode read) {
        assertThat(read.path("eventId").asString()).isEqualTo(String.valueOf(cost.getEnvelope().getEventId()));
        assertThat(read.path("currency").asString()).isEqualTo(cost.getCurrency());
        assertThat(read.path("totalMonthly").asString()).isEqualTo(cost.getTotalMonthly().toPlainString());
        assertThat(read.path("budgetStatus").asString()).isEqualTo(cost.getBudgetStatus().name());
        assertThat(read.path("budget").asString(null))
                .isEqualTo(cost.getBudget() == null ? null : cost.getBudget().toPlainString());
        assertThat(read.path("catalogueVersion").asString()).isEqualTo(cost.getCatalogueVersion());
        assertThat(read.path("unpricedCount").asInt()).isEqualTo(cost.getUnpricedCount());
        assertThat(read.path("lineItems")).hasSize(cost.getLineItems().size());
        for (int i = 0; i < cost.getLineItems().size(); i++) {
            CostLineItem item = cost.getLineItems().get(i);
            JsonNode line = read.path("lineItems").get(i);
            assertThat(line.path("resourceName").asString()).isEqualTo(item.getResourceName());
            assertThat(line.path("resourceType").asString()).isEqualTo(item.getResourceType());
            if (item.getPricing() == null) {
                assertThat(line.path("unpricedReason").asString()).isEqualTo(item.getUnpricedReason());
                continue;
            }
            assertThat(line.path("sku").asString()).isEqualTo(item.getPricing().getSku());
            assertThat(line.path("unit").asString()).isEqualTo(item.getPricing().getUnit());
            assertThat(line.path("unitPrice").asString()).isEqualTo(item.getPricing().getUnitPrice().toPlainString());
            assertThat(line.path("quantity").asString()).isEqualTo(item.getPricing().getQuantity().toPlainString());
            assertThat(line.path("monthly").asString()).isEqualTo(item.getPricing().getMonthly().toPlainString());
        }
        assertThat(read.path("comparisons")).hasSize(cost.getComparisons().size());
        for (int i = 0; i < cost.getComparisons().size(); i++) {
            assertThat(read.path("comparisons").get(i).path("cloud").asString())
                    .isEqualTo(cost.getComparisons().get(i).getCloud().name());
            assertThat(read.path("comparisons").get(i).path("totalMonthly").asString())
                    .isEqualTo(cost.getComparisons().get(i).getTotalMonthly().toPlainString());
        }
    }

    private static void assertVerdictMatches(GuardrailsEvaluated verdict, JsonNode read) {
        assertThat(read.path("eventId").asString()).isEqualTo(String.valueOf(verdict.getEnvelope().getEventId()));
        assertThat(read.path("outcome").asString()).isEqualTo(verdict.getOutcome().name());
        assertThat(read.path("policiesEvaluated").asInt()).isEqualTo(verdict.getPoliciesEvaluated());
        assertThat(read.path("policySetVersion").asString(null)).isEqualTo(verdict.getPolicySetVersion());
        assertThat(read.path("violations")).hasSize(verdict.getViolations().size());
        for (int i = 0; i < verdict.getViolations().size(); i++) {
            PolicyViolation violation = verdict.getViolations().get(i);
            JsonNode read1 = read.path("violations").get(i);
            assertThat(read1.path("policyId").asString()).isEqualTo(violation.getPolicyId());
            assertThat(read1.path("title").asString()).isEqualTo(violation.getTitle());
            assertThat(read1.path("severity").asString()).isEqualTo(violation.getSeverity().name());
            assertThat(read1.path("enforcement").asString()).isEqualTo(violation.getEnforcement().name());
            assertThat(read1.path("resourceName").asString(null)).isEqualTo(violation.getResourceName());
            assertThat(read1.path("message").asString()).isEqualTo(violation.getMessage());
            assertThat(read1.path("remediation").asString(null)).isEqualTo(violation.getRemediation());
        }
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
