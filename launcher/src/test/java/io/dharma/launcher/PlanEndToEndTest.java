package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.testing.TestIssuer;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The dry run on the one-JVM platform (ADR 0026): {@code POST /api/v1/blueprints/plan} answers
 * each example's Terraform, verdict, cost and changes from the stages themselves, diffs a deployed
 * blueprint against what is deployed, refuses an invalid document as a submission is refused, and
 * stores and publishes nothing.
 */
class PlanEndToEndTest {

    private static final String TENANT = "e2e-plan";

    private final RunningPlatform platform = SharedPlatform.get();
    private final PlatformApi api = new PlatformApi(platform.apiUrl(), TENANT);
    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest
    @ValueSource(strings = {"aws-web-app.yaml", "aws-prod-api.yaml", "azure-data-platform.yaml",
        "gcp-kubernetes-service.yaml", "insecure-demo.yaml"})
    void eachExampleIsPlannedAsANewBlueprintWithItsTerraformVerdictAndCost(String example) throws Exception {
        HttpResponse<String> response = plan(renamed(example, "planned-" + shortId()), TENANT);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode plan = PlatformApi.json(response.body());
        assertThat(plan.path("blueprint").path("blueprintId").isNull()).isTrue();
        assertThat(plan.path("iac").path("outcome").asString()).isEqualTo("GENERATED");
        assertThat(plan.path("iac").path("files")).isNotEmpty()
                .allSatisfy(file -> assertThat(file.has("content")).as("a plan lists files, not their text").isFalse());
        assertThat(plan.path("verdict").path("policiesEvaluated").asInt()).isPositive();
        assertThat(plan.path("cost").path("lineItems")).isNotEmpty();
        assertThat(plan.path("cost").path("comparisons")).hasSize(2);
        assertThat(plan.path("cost").path("totalMonthly").asString()).as("the event's decimal, as a string").matches("[0-9]+\\.[0-9]{4}");
        JsonNode changes = plan.path("changes");
        assertThat(changes.path("actions")).allSatisfy(action -> assertThat(action.path("action").asString()).isEqualTo("CREATE"));
        assertThat(changes.path("toAdd").asInt()).isEqualTo(changes.path("actions").size());
        assertThat(changes.path("toChange").asInt() + changes.path("toDestroy").asInt()).isZero();
    }

    @Test
    void theInsecureDemoIsBlockedWithItsNineViolations() throws Exception {
        JsonNode plan = PlatformApi.json(plan(renamed("insecure-demo.yaml", "insecure-" + shortId()), TENANT).body());

        assertThat(plan.path("verdict").path("outcome").asString()).isEqualTo("BLOCKED");
        assertThat(plan.path("verdict").path("violations")).hasSize(9);
    }

    @Test
    void aDeployedBlueprintPlansAsNoOpsAndAChangedOneAsAnUpdate() throws Exception {
        String name = "plan-deployed-" + shortId();
        PlatformApi.Accepted accepted = api.submitExample("aws-web-app.yaml", name);
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> "SUCCEEDED".equals(
                PlatformApi.json(api.get("/api/v1/tracking/" + accepted.trackingId()).body()).path("status").asString()));
        String document = renamed("aws-web-app.yaml", name);

        // The deployed view follows the deployment's events: wait until it has all of them.
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode plan = PlatformApi.json(plan(document, TENANT).body());
            assertThat(plan.path("blueprint").path("blueprintId").asString()).isEqualTo(accepted.blueprintId());
            assertThat(plan.path("changes").path("actions"))
                    .allSatisfy(action -> assertThat(action.path("action").asString()).as(action.toString()).isEqualTo("NO_OP"));
            assertThat(plan.path("changes").path("toAdd").asInt() + plan.path("changes").path("toChange").asInt()
                    + plan.path("changes").path("toDestroy").asInt()).isZero();
        });

        // One shape for one estimate: the dry run's is the stored one, but for what only a published event has.
        ObjectNode planned = (ObjectNode) PlatformApi.json(plan(document, TENANT).body()).path("cost");
        assertThat(planned.path("eventId").isNull()).isTrue();
        ObjectNode stored = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/blueprints/"
                + accepted.blueprintId() + "/versions/1/cost"), response -> response.statusCode() == 200)
                .body().transform(body -> (ObjectNode) PlatformApi.json(body));
        List.of("blueprintId", "version", "estimatedAt", "eventId").forEach(published -> {
            planned.remove(published);
            stored.remove(published);
        });
        assertThat(planned).isEqualTo(stored);

        JsonNode changed = PlatformApi.json(plan(document.replace("versioning: true", "versioning: false"), TENANT).body());
        assertThat(changed.path("changes").path("toChange").asInt()).isEqualTo(1);
        JsonNode update = changed.path("changes").path("actions").valueStream()
                .filter(action -> action.path("action").asString().equals("UPDATE")).findFirst().orElseThrow();
        assertThat(update.path("resourceName").asString()).isEqualTo("uploads");
        assertThat(update.path("changedAttributes")).singleElement().satisfies(attribute -> {
            assertThat(attribute.path("name").asString()).isEqualTo("versioning");
            assertThat(attribute.path("before").asString()).isEqualTo("true");
            assertThat(attribute.path("after").asString()).isEqualTo("false");
        });
        assertThat(PlatformApi.json(api.get("/api/v1/blueprints/" + accepted.blueprintId() + "/resources").body())
                .path("resources")).isNotEmpty();
    }

    @Test
    void anInvalidDocumentIsRefusedAsASubmissionIsWithPointers() throws Exception {
        String invalid = renamed("aws-web-app.yaml", "invalid-" + shortId()).replace("cidr: 10.20.0.0/16", "cidr: not-a-cidr")
                .replace("region: eu-west-1", "region: mars-1");

        HttpResponse<String> planned = plan(invalid, TENANT);
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/blueprints"))
                .header("Authorization", "Bearer " + TestIssuer.get().token(TENANT, "e2e-user"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(invalid)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(planned.statusCode()).isEqualTo(422);
        JsonNode problem = PlatformApi.json(planned.body());
        assertThat(problem.path("code").asString()).isEqualTo("blueprint.invalid");
        assertThat(problem.path("errors")).extracting(error -> error.path("pointer").asString())
                .contains("/spec/region");
        assertThat(problem.path("errors")).isEqualTo(PlatformApi.json(submitted.body()).path("errors"));

        HttpResponse<String> unparseable = plan("apiVersion: dharma/v1\nkind: [Blueprint\n", TENANT);
        assertThat(unparseable.statusCode()).isEqualTo(400);
        assertThat(PlatformApi.json(unparseable.body()).path("detail").asString()).contains("line");
    }

    @Test
    void aViewerMayPlanAndEveryStageAnswersForTheCallersTenant() throws Exception {
        HttpResponse<String> response = plan(renamed("gcp-kubernetes-service.yaml", "viewed-" + shortId()),
                TestIssuer.get().token(TENANT, "a-viewer", java.util.Set.of("viewer")), true);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aPlanStoresAndPublishesNothing() throws Exception {
        String tenant = "e2e-plan-nothing-" + shortId();
        List<String> topics = List.of("dharma.blueprints.v1", "dharma.iac.v1", "dharma.guardrails.v1", "dharma.costs.v1");
        Map<org.apache.kafka.common.TopicPartition, Long> before = EndOffsets.of(platform, topics);
        String outboxRows = "select count(*) from platform.outbox where topic in ('" + String.join("', '", topics) + "')";
        long outboxBefore = count(outboxRows);

        for (String example : List.of("aws-web-app.yaml", "insecure-demo.yaml", "azure-data-platform.yaml")) {
            assertThat(plan(renamed(example, "nothing-" + shortId()), tenant).statusCode()).isEqualTo(200);
        }

        assertThat(count("select count(*) from intake.blueprint where tenant_id = '" + tenant + "'")).isZero();
        assertThat(count(outboxRows)).isEqualTo(outboxBefore);
        assertThat(EndOffsets.of(platform, topics)).isEqualTo(before);
    }

    private long count(String sql) throws Exception {
        try (java.sql.Connection connection = platform.context().getBean(javax.sql.DataSource.class).getConnection();
                java.sql.ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private HttpResponse<String> plan(String document, String tenant) throws Exception {
        return plan(document, TestIssuer.get().token(tenant, "e2e-user"), true);
    }

    private HttpResponse<String> plan(String document, String bearer, boolean unused) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/blueprints/plan"))
                .header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String renamed(String example, String name) throws Exception {
        return Files.readString(Path.of("../examples", example)).replaceFirst("(?m)^(\\s+name:\\s*)\\S+", "$1" + name);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
