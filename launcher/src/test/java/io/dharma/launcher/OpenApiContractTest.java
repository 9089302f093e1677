package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import io.dharma.testing.TestIssuer;
import tools.jackson.databind.JsonNode;

/**
 * The committed contract ({@code contracts/openapi.yaml}) against the running platform: the same
 * routes both ways, real answers (a submitted example followed to deployed, then every main read,
 * command and error) valid against the schemas the document declares for their operation, status
 * and content type, and problem+json for every error the document lists.
 */
class OpenApiContractTest {

    private static final String TENANT = "contract-" + UUID.randomUUID().toString().substring(0, 8);
    /** Every role, platform-admin included, so every operation answers its documented success. */
    private static final String CALLER = TestIssuer.get().token(TENANT, "contract-test",
            java.util.Set.of("viewer", "developer", "approver", "policy-admin", "tenant-admin", "auditor", "platform-admin"));

    private static RunningPlatform platform;
    private static OpenApiDocument contract;
    private static PlatformApi.Accepted deployed;
    private static HttpResponse<String> submission;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> mismatches = new ArrayList<>();

    @BeforeAll
    static void deployTheAwsExample() throws Exception {
        platform = SharedPlatform.get();
        contract = OpenApiDocument.load();
        PlatformApi api = new PlatformApi(platform.apiUrl(), TENANT);
        String document = Files.readString(Path.of("../examples/aws-web-app.yaml"))
                .replace("name: shop-web-dev", "name: contract-" + UUID.randomUUID().toString().substring(0, 8));
        submission = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/blueprints"))
                .header("Authorization", "Bearer " + CALLER).header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(document)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submission.statusCode()).as(submission.body()).isEqualTo(202);
        JsonNode accepted = PlatformApi.json(submission.body());
        deployed = new PlatformApi.Accepted(accepted.get("trackingId").asString(), accepted.get("blueprintId").asString(),
                accepted.get("version").asInt());
        Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> "SUCCEEDED".equals(
                PlatformApi.json(api.get("/api/v1/tracking/" + deployed.trackingId()).body()).path("status").asString()));
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesThePlatformServes() {
        RequestMappingHandlerMapping mapping = platform.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> served = new TreeSet<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                assertThat(info.getMethodsCondition().getMethods())
                        .as("%s maps %s without an HTTP method", handler, path).isNotEmpty();
                info.getMethodsCondition().getMethods()
                        .forEach(method -> served.add(OpenApiDocument.route(method.name(), path)));
            }
        }
        Set<String> documented = contract.routes();

        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        Set<String> notServed = new TreeSet<>(documented);
        notServed.removeAll(served);
        assertThat(undocumented.isEmpty() && notServed.isEmpty())
                .as("routes differ (path variables shown as {}):%n  served but not in %s:%n    %s%n"
                        + "  in the document but not served:%n    %s", OpenApiDocument.LOCATION,
                        String.join("\n    ", undocumented), String.join("\n    ", notServed))
                .isTrue();
        assertThat(served).hasSizeGreaterThan(20);
    }

    @Test
    void everyOperationDocumentsProblemJsonErrorsAndOnlyProblemJson() {
        List<String> problems = new ArrayList<>();
        contract.root().path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!OpenApiDocument.METHODS.contains(operation.getKey())) {
                return;
            }
            String where = operation.getKey().toUpperCase() + " " + path.getKey();
            boolean anyError = false;
            for (var response : operation.getValue().path("responses").properties()) {
                int status = Integer.parseInt(response.getKey());
                if (status < 400) {
                    continue;
                }
                anyError = true;
                JsonNode content = contract.resolveResponse(response.getValue()).path("content");
                if (!List.copyOf(content.propertyNames()).equals(List.of("application/problem+json"))) {
                    problems.add(where + " " + status + " is " + content.propertyNames() + ", not only application/problem+json");
                }
                String schema = content.path("application/problem+json").path("schema").path("$ref").asString("");
                if (!schema.endsWith("Problem")) {
                    problems.add(where + " " + status + " does not use a Problem schema: " + schema);
                }
            }
            if (!anyError) {
                problems.add(where + " documents no error response");
            }
        }));
        assertThat(problems).as("error responses in the document").isEmpty();
    }

    @Test
    void realAnswersMatchTheDeclaredSchemas() throws Exception {
        check("POST", "/api/v1/blueprints", submission);
        String blueprintId = deployed.blueprintId();
        JsonNode tracking = json(call("GET", "/api/v1/tracking/{trackingId}", "/api/v1/tracking/" + deployed.trackingId(), 200));
        String deploymentId = tracking.get("deploymentId").asString();
        call("GET", "/api/v1/blueprints/{blueprintId}/status", "/api/v1/blueprints/" + blueprintId + "/status", 200);
        call("GET", "/api/v1/deployments/{deploymentId}", "/api/v1/deployments/" + deploymentId, 200);
        call("GET", "/api/v1/deployments", "/api/v1/deployments?limit=1", 200);
        call("GET", "/api/v1/deployments", "/api/v1/deployments?status=SUCCEEDED", 200);
        call("GET", "/api/v1/summary", "/api/v1/summary", 200);
        call("GET", "/api/v1/usage", "/api/v1/usage", 200);
        call("GET", "/api/v1/audit/blueprints/{blueprintId}", "/api/v1/audit/blueprints/" + blueprintId, 200);
        call("GET", "/api/v1/blueprints", "/api/v1/blueprints", 200);
        call("GET", "/api/v1/blueprints/{blueprintId}", "/api/v1/blueprints/" + blueprintId, 200);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions", "/api/v1/blueprints/" + blueprintId + "/versions", 200);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}",
                "/api/v1/blueprints/" + blueprintId + "/versions/1", 200);
        call("GET", "/api/v1/blueprints/{blueprintId}/deployments", "/api/v1/blueprints/" + blueprintId + "/deployments", 200);
        String version = "/api/v1/blueprints/" + blueprintId + "/versions/" + deployed.version();
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/iac", version + "/iac", 200);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/iac", version + "/iac?format=json", 200);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/cost", version + "/cost", 200);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/verdict", version + "/verdict", 200);
        call("GET", "/api/v1/deployments/{deploymentId}/plan", "/api/v1/deployments/" + deploymentId + "/plan", 200);
        call("GET", "/api/v1/submissions/{trackingId}", "/api/v1/submissions/" + deployed.trackingId(), 200);

        JsonNode resources = json(call("GET", "/api/v1/sandbox/resources", "/api/v1/sandbox/resources?blueprintId=" + blueprintId, 200));
        String bucket = idOf(resources, "uploads");
        call("GET", "/api/v1/sandbox/resources", "/api/v1/sandbox/resources", 200);
        call("GET", "/api/v1/sandbox/resources/{id}", "/api/v1/sandbox/resources/" + bucket, 200);
        call("GET", "/api/v1/sandbox/faults", "/api/v1/sandbox/faults", 200);

        // Drift on purpose, so the drift list has an item to check against the schema.
        send("POST", "/api/v1/sandbox/resources/{id}", "/api/v1/sandbox/resources/" + bucket,
                "application/json", "{\"attributes\":{\"versioning\":false}}", 200);
        call("GET", "/api/v1/sandbox/resources/{id}/operations", "/api/v1/sandbox/resources/" + bucket + "/operations", 200);
        send("POST", "/api/v1/drift/observe", "/api/v1/drift/observe?blueprintId=" + blueprintId, null, null, 202);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                !json(get("/api/v1/drift?blueprintId=" + blueprintId).body()).path("items").isEmpty());
        call("GET", "/api/v1/drift", "/api/v1/drift?blueprintId=" + blueprintId, 200);

        // The dry run of the deployed blueprint (changes against the deployed resources) and the stages' own steps.
        String deployedDocument = Files.readString(Path.of("../examples/aws-web-app.yaml"))
                .replace("name: shop-web-dev", "name: " + json(get("/api/v1/blueprints/" + blueprintId).body()).path("name").asString());
        call("GET", "/api/v1/blueprints/{blueprintId}/resources", "/api/v1/blueprints/" + blueprintId + "/resources", 200);
        send("POST", "/api/v1/blueprints/plan", "/api/v1/blueprints/plan", "application/yaml", deployedDocument, 200);
        send("POST", "/api/v1/iac/preview", "/api/v1/iac/preview", "application/yaml", deployedDocument, 200);
        send("POST", "/api/v1/policies/evaluate", "/api/v1/policies/evaluate", "application/yaml", deployedDocument, 200);
        send("POST", "/api/v1/costs/estimate", "/api/v1/costs/estimate", "application/yaml", deployedDocument, 200);

        JsonNode policies = json(call("GET", "/api/v1/policies", "/api/v1/policies", 200));
        JsonNode builtin = policies.get("items").get(0);
        call("GET", "/api/v1/policies/{id}", "/api/v1/policies/" + builtin.get("id").asString(), 200);
        String ownId = "contract-copy-of-" + builtin.get("id").asString();
        String own = ((tools.jackson.databind.node.ObjectNode) builtin.deepCopy())
                .put("id", ownId).remove(List.of("source", "enabled", "revision", "updatedAt", "updatedBy")).toString();
        send("POST", "/api/v1/policies", "/api/v1/policies", "application/json", own, 201);
        send("POST", "/api/v1/policies/{id}/disable", "/api/v1/policies/" + ownId + "/disable", null, null, 200);
        send("DELETE", "/api/v1/policies/{id}", "/api/v1/policies/" + ownId, null, null, 204);

        assertThat(mismatches).as("answers that disagree with %s", OpenApiDocument.LOCATION).isEmpty();
    }

    @Test
    void errorAnswersMatchTheDeclaredProblems() throws Exception {
        String unknown = UUID.randomUUID().toString();
        call("GET", "/api/v1/tracking/{trackingId}", "/api/v1/tracking/" + unknown, 404);
        call("GET", "/api/v1/deployments/{deploymentId}", "/api/v1/deployments/" + unknown, 404);
        call("GET", "/api/v1/blueprints/{blueprintId}", "/api/v1/blueprints/" + unknown, 404);
        call("GET", "/api/v1/audit/blueprints/{blueprintId}", "/api/v1/audit/blueprints/" + unknown, 404);
        call("GET", "/api/v1/sandbox/resources/{id}", "/api/v1/sandbox/resources/" + unknown, 404);
        call("GET", "/api/v1/policies/{id}", "/api/v1/policies/no-such-policy", 404);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/iac", "/api/v1/blueprints/" + unknown + "/versions/1/iac", 404);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/cost", "/api/v1/blueprints/" + unknown + "/versions/1/cost", 404);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/verdict", "/api/v1/blueprints/" + unknown + "/versions/1/verdict", 404);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/iac", "/api/v1/blueprints/" + unknown + "/versions/1/iac?format=yaml", 400);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/iac.zip", "/api/v1/blueprints/" + unknown + "/versions/1/iac.zip", 404);
        call("GET", "/api/v1/blueprints/{blueprintId}/versions/{version}/iac/files/{folder}/{file}",
                "/api/v1/blueprints/" + unknown + "/versions/1/iac/files/hcl/main.tf", 404);
        call("GET", "/api/v1/deployments/{deploymentId}/plan", "/api/v1/deployments/" + unknown + "/plan", 404);
        call("GET", "/api/v1/submissions/{trackingId}", "/api/v1/submissions/" + unknown, 404);
        call("GET", "/api/v1/deployments", "/api/v1/deployments?limit=0", 400);
        call("GET", "/api/v1/blueprints", "/api/v1/blueprints?size=0", 400);
        send("POST", "/api/v1/blueprints", "/api/v1/blueprints", "application/yaml",
                "apiVersion: dharma/v1\nkind: Blueprint\nmetadata:\n  name: x\n", 422);
        send("POST", "/api/v1/blueprints", "/api/v1/blueprints", "text/plain", "hello", 415);
        send("POST", "/api/v1/blueprints/plan", "/api/v1/blueprints/plan", "application/yaml",
                "apiVersion: dharma/v1\nkind: Blueprint\nmetadata:\n  name: x\n", 422);
        send("POST", "/api/v1/iac/preview", "/api/v1/iac/preview", "application/yaml", "a: [unclosed", 400);
        send("POST", "/api/v1/costs/estimate", "/api/v1/costs/estimate", "text/plain", "hello", 415);
        call("GET", "/api/v1/blueprints/{blueprintId}/resources", "/api/v1/blueprints/" + unknown + "/resources", 404);
        send("POST", "/api/v1/blueprints", "/api/v1/blueprints", "application/yaml", "a: [unclosed", 400);
        send("POST", "/api/v1/policies", "/api/v1/policies", "text/plain", "{}", 415);
        send("POST", "/api/v1/policies", "/api/v1/policies", "application/json", "{\"id\":\"\"}", 422);
        send("POST", "/api/v1/deployments/{deploymentId}/retry", "/api/v1/deployments/" + unknown + "/retry", null, null, 404);

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + "/api/v1/summary"))
                .header("X-Dharma-Tenant", TENANT).GET().build(), HttpResponse.BodyHandlers.ofString());
        check("GET", "/api/v1/summary", anonymous);
        assertThat(anonymous.statusCode()).isEqualTo(401);

        // The SSE endpoint's 404 is problem+json although the client asked for an event stream.
        HttpResponse<String> noStream = http.send(HttpRequest.newBuilder(
                        URI.create(platform.apiUrl() + "/api/v1/tracking/" + unknown + "/events"))
                .header("Authorization", "Bearer " + CALLER).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        check("GET", "/api/v1/tracking/{trackingId}/events", noStream);
        assertThat(noStream.statusCode()).isEqualTo(404);

        assertThat(mismatches).as("answers that disagree with %s", OpenApiDocument.LOCATION).isEmpty();
    }

    @Test
    void aCommandThatDoesNotFitTheStatusIsAConflictAsDocumented() throws Exception {
        JsonNode tracking = json(get("/api/v1/tracking/" + deployed.trackingId()).body());
        String deploymentId = tracking.get("deploymentId").asString();
        send("POST", "/api/v1/deployments/{deploymentId}/approve", "/api/v1/deployments/" + deploymentId + "/approve",
                "application/json", "{\"comment\":\"too late\"}", 409);
        send("POST", "/api/v1/deployments/{deploymentId}/retry", "/api/v1/deployments/" + deploymentId + "/retry",
                null, null, 409);
        assertThat(mismatches).as("answers that disagree with %s", OpenApiDocument.LOCATION).isEmpty();
    }

    @Test
    void theEventStreamCarriesStagesAndAnEndAsDocumented() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                        URI.create(platform.apiUrl() + "/api/v1/tracking/" + deployed.trackingId() + "/events"))
                .header("Authorization", "Bearer " + CALLER).header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(OpenApiDocument.mediaType(stream.headers().firstValue("Content-Type").orElse("")))
                .isIn(contract.response("GET", "/api/v1/tracking/{trackingId}/events", stream.statusCode())
                        .path("content").propertyNames());
        List<String[]> events = CompletableFuture.supplyAsync(() -> events(stream.body())).get(60, TimeUnit.SECONDS);

        JsonNode declared = contract.response("GET", "/api/v1/tracking/{trackingId}/events", 200)
                .path("content").path("text/event-stream").path("x-dharma-event-data");
        assertThat(events).extracting(event -> event[0]).contains("stage").endsWith("end");
        for (String[] event : events) {
            String schema = declared.path(event[0]).path("$ref").asString("");
            assertThat(schema).as("event '%s' is declared in x-dharma-event-data", event[0]).isNotEmpty();
            mismatches.addAll(contract.validate(schema.substring(schema.lastIndexOf('/') + 1), event[1]));
        }
        assertThat(mismatches).as("events that disagree with %s", OpenApiDocument.LOCATION).isEmpty();
    }

    /** Each event of a finite stream as {name, data}. */
    private static List<String[]> events(InputStream body) {
        List<String[]> events = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new String[] {name, data.toString()});
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).trim());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return events;
    }

    private String call(String method, String template, String path, int expectedStatus) throws Exception {
        return send(method, template, path, null, null, expectedStatus);
    }

    /** Sends a request as the test tenant, checks the answer against the document, returns its body. */
    private String send(String method, String template, String path, String contentType, String body, int expectedStatus)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                .header("Authorization", "Bearer " + CALLER)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s answered %s", method, path, response.body()).isEqualTo(expectedStatus);
        check(method, template, response);
        return response.body();
    }

    private void check(String method, String template, HttpResponse<String> response) {
        mismatches.addAll(contract.check(method, template, response.statusCode(), response.headers(), response.body()));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(platform.apiUrl() + path)).header("Authorization", "Bearer " + CALLER)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String body) {
        return PlatformApi.json(body);
    }

    private static String idOf(JsonNode resources, String name) {
        for (JsonNode resource : resources.path("items")) {
            if (resource.path("name").asString().equals(name)) {
                return resource.get("id").asString();
            }
        }
        throw new AssertionError("no sandbox resource " + name + " in " + resources);
    }
}
