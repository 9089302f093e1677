package io.dharma.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import io.dharma.testing.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class SubmissionApiTest extends IntakeIntegrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"aws-web-app.yaml", "azure-data-platform.yaml", "gcp-kubernetes-service.yaml",
        "insecure-demo.yaml", "aws-prod-api.yaml"})
    void everyExampleIsAcceptedAndPublished(String example) {
        IntakeClient client = client("examples-" + Math.abs(example.hashCode()));

        IntakeClient.Response response = client.submitExample(example);

        assertThat(response.status()).isEqualTo(202);
        String trackingId = response.text("trackingId");
        assertThat(UUID.fromString(trackingId)).isNotNull();
        assertThat(UUID.fromString(response.text("blueprintId"))).isNotNull();
        assertThat(response.json().path("version").asInt()).isPositive();
        assertThat(response.header("Location")).isEqualTo("/api/v1/tracking/" + trackingId);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.get("/api/v1/submissions/" + trackingId).text("status")).isEqualTo("PUBLISHED"));
    }

    @Test
    void resubmittingANameCreatesTheNextVersionAndKeepsEachDocument() throws Exception {
        IntakeClient client = client("versions");
        String v1 = TestBlueprints.bucket("versioned-app", "one");
        String v2 = TestBlueprints.bucket("versioned-app", "two");

        IntakeClient.Response first = client.submit(v1, "application/yaml");
        IntakeClient.Response second = client.submit(v2, "application/yaml");

        assertThat(first.json().path("version").asInt()).isEqualTo(1);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
        assertThat(second.text("blueprintId")).isEqualTo(first.text("blueprintId"));
        assertThat(second.text("trackingId")).isNotEqualTo(first.text("trackingId"));

        String blueprint = "/api/v1/blueprints/" + first.text("blueprintId");
        JsonNode view = client.get(blueprint).json();
        assertThat(view.path("name").asString()).isEqualTo("versioned-app");
        assertThat(view.path("latestVersion").asInt()).isEqualTo(2);

        JsonNode versions = client.get(blueprint + "/versions").json();
        assertThat(versions.path("totalItems").asInt()).isEqualTo(2);
        assertThat(versions.path("items").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(versions.path("items").get(0).path("contentHash").asString()).startsWith("sha256:");

        IntakeClient.Response document = client.get(blueprint + "/versions/1");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.body()).isEqualTo(v1);
        assertThat(document.header("Content-Type")).startsWith("application/yaml");
        assertThat(client.get(blueprint + "/versions/3").text("code")).isEqualTo("blueprint.version-not-found");
    }

    @Test
    void acceptedSubmissionsAreCountedByCloudAndEnvironmentOnThePrometheusScrape() {
        Map<String, String> gcpDev = Map.of("cloud", "gcp", "environment", "dev");
        double before = PrometheusScrape.of(port).sum("dharma_blueprints_submitted_total", gcpDev);
        String json = """
                {"apiVersion": "dharma/v1", "kind": "Blueprint",
                 "metadata": {"name": "counted-app", "environment": "dev"},
                 "spec": {"cloud": "gcp", "region": "europe-west1", "approval": "auto",
                          "resources": [{"name": "files", "type": "storage.bucket"}]}}
                """;

        assertThat(client("metrics").submit(json, "application/json").status()).isEqualTo(202);
        assertThat(client("metrics").submit("not a blueprint", "application/yaml").status()).isEqualTo(422);

        PrometheusScrape scrape = PrometheusScrape.of(port);
        assertThat(scrape.sum("dharma_blueprints_submitted_total", gcpDev)).as("the invalid one is not counted")
                .isEqualTo(before + 1);
        assertThat(scrape.has("dharma_outbox_backlog", Map.of())).isTrue();
    }

    @Test
    void jsonDocumentsAreAcceptedToo() throws Exception {
        String json = """
                {"apiVersion": "dharma/v1", "kind": "Blueprint",
                 "metadata": {"name": "json-app", "environment": "dev"},
                 "spec": {"cloud": "gcp", "region": "europe-west1", "approval": "auto",
                          "resources": [{"name": "files", "type": "storage.bucket"}]}}
                """;

        IntakeClient.Response response = client("json").submit(json, "application/json; charset=utf-8");

        assertThat(response.status()).isEqualTo(202);
        IntakeClient.Response stored = client("json").get(
                "/api/v1/blueprints/" + response.text("blueprintId") + "/versions/1");
        assertThat(stored.header("Content-Type")).startsWith("application/json");
        assertThat(stored.body()).isEqualTo(json);
    }

    @Test
    void anInvalidBlueprintIs422WithEveryProblem() {
        String invalid = TestBlueprints.bucket("Bad_Name", "x").replace("region: eu-west-1", "region: mars-1");

        IntakeClient.Response response = client().submit(invalid, "application/yaml");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asString()).isEqualTo("blueprint.invalid");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("type").asString()).isEqualTo("https://dharma.io/problems/blueprint.invalid");
        assertThat(problem.path("errors").valueStream().map(error -> error.path("code").asString() + " "
                + error.path("pointer").asString()))
                .containsExactly("metadata.invalid-name /metadata/name", "spec.unknown-region /spec/region");
        assertThat(problem.path("errors").get(1).path("message").asString()).contains("eu-west-1");
    }

    @Test
    void anUnparseableDocumentIs400() {
        IntakeClient.Response response = client().submit("spec: [unclosed", "application/yaml");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("code")).isEqualTo("document.unparseable");
        assertThat(response.text("detail")).contains("line 1");
    }

    @Test
    void aYamlBombIs400() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= 9; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [");
            bomb.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (level - 1)))).append("]\n");
        }

        IntakeClient.Response response = client().submit(bomb.toString(), "application/yaml");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("document.too-many-aliases");
    }

    @Test
    void anotherContentTypeIs415() {
        IntakeClient.Response response = client().submit(TestBlueprints.bucket("plain", "x"), "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.text("code")).isEqualTo("document.unsupported-media-type");
    }

    @Test
    void anOversizedDocumentIs413() {
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) '#');

        IntakeClient.Response response = client().submit(huge, "application/yaml", null);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.text("code")).isEqualTo("document.too-large");
    }

    @Test
    void tenantsSeeOnlyTheirOwnBlueprints() {
        IntakeClient alpha = client("alpha");
        IntakeClient beta = client("beta");
        IntakeClient.Response submitted = alpha.submit(TestBlueprints.bucket("shared-name", "a"), "application/yaml");
        String trackingId = submitted.text("trackingId");

        assertThat(alpha.get("/api/v1/blueprints/" + submitted.text("blueprintId")).status()).isEqualTo(200);
        assertThat(beta.get("/api/v1/blueprints/" + submitted.text("blueprintId")).text("code"))
                .isEqualTo("blueprint.not-found");
        assertThat(beta.get("/api/v1/submissions/" + trackingId).status()).isEqualTo(404);
        assertThat(beta.submit(TestBlueprints.bucket("shared-name", "b"), "application/yaml")
                .json().path("version").asInt()).isEqualTo(1);
        IntakeClient.Response invalidTenant = client("not a tenant!").get("/api/v1/blueprints");
        assertThat(invalidTenant.status()).as("a token whose tenant claim is not a tenant id").isEqualTo(401);
        assertThat(invalidTenant.text("code")).isEqualTo("auth.unauthenticated");
    }

    @Test
    void listsArePaginated() {
        IntakeClient client = client("paging");
        for (String name : new String[] {"page-a", "page-b", "page-c"}) {
            assertThat(client.submit(TestBlueprints.bucket(name, "x"), "application/yaml").status()).isEqualTo(202);
        }

        JsonNode first = client.get("/api/v1/blueprints?page=0&size=2").json();
        JsonNode second = client.get("/api/v1/blueprints?page=1&size=2").json();

        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(first.path("items").valueStream().map(item -> item.path("name").asString()))
                .containsExactly("page-a", "page-b");
        assertThat(second.path("items").valueStream().map(item -> item.path("name").asString()))
                .containsExactly("page-c");
        assertThat(client.get("/api/v1/blueprints?size=1000").text("code")).isEqualTo("request.invalid-page");
    }

    @Test
    void intakeKeepsItsTablesAndMigrationHistoryInItsOwnSchema() throws Exception {
        try (var connection = io.dharma.testing.EmbeddedStack.get().dataSource().getConnection();
             var tables = connection.getMetaData().getTables(null, "intake", "%", new String[] {"TABLE"})) {
            java.util.List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
            assertThat(names).containsExactlyInAnyOrder("blueprint", "blueprint_version", "idempotency_key", "flyway_schema_history");
        }
    }

    @Test
    void unknownIdsAre404Problems() {
        IntakeClient.Response tracking = client().get("/api/v1/submissions/" + UUID.randomUUID());
        IntakeClient.Response notAnId = client().get("/api/v1/blueprints/not-an-id");

        assertThat(tracking.status()).isEqualTo(404);
        assertThat(tracking.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tracking.text("code")).isEqualTo("tracking.not-found");
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.text("code")).isEqualTo("blueprint.not-found");
    }
}
