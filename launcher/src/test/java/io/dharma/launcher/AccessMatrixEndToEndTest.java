package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dharma.security.PermissionMatrix;
import io.dharma.security.Role;
import io.dharma.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every operation of {@code contracts/openapi.yaml}, called by every role on the running platform,
 * answers as {@code permissions.yaml} says: 403 exactly where the role is not allowed, never 401
 * with a valid credential, and 401 without one. Calls use ids that do not exist and empty bodies,
 * so an allowed call ends in 4xx from the handler, never in a change.
 */
class AccessMatrixEndToEndTest {

    private static final String TENANT = "e2e-matrix";

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyOperationAnswersEveryRoleAsTheMatrixSays() throws Exception {
        JsonNode paths = OpenApiDocument.load().root().path("paths");
        PermissionMatrix matrix = PermissionMatrix.load();
        List<String> mismatches = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<String, JsonNode> item : paths.properties()) {
            for (Map.Entry<String, JsonNode> documented : item.getValue().properties()) {
                if (!OpenApiDocument.METHODS.contains(documented.getKey())) {
                    continue;
                }
                String method = documented.getKey().toUpperCase();
                String operationId = documented.getValue().path("operationId").asString();
                PermissionMatrix.Operation operation = matrix.operation(operationId)
                        .orElseThrow(() -> new AssertionError(operationId + " is not in permissions.yaml"));
                String path = item.getKey().replaceAll("\\{[^}]+}", "no-such-id");
                if (path.endsWith("/events")) {
                    continue; // the event stream is covered below: a 200 stream never ends
                }
                int anonymous = call(method, path, null);
                if (anonymous != 401) {
                    mismatches.add("anonymous " + operationId + " answered " + anonymous);
                }
                for (Role role : Role.values()) {
                    int status = call(method, path, TestIssuer.get().token(TENANT, "matrix-" + role.id(), Set.of(role.id())));
                    calls++;
                    boolean allowed = operation.allows(Set.of(role.id()));
                    if (allowed ? status == 403 || status == 401 : status != 403) {
                        mismatches.add(role.id() + " " + operationId + " answered " + status
                                + " (matrix: " + (allowed ? "allowed" : "forbidden") + ")");
                    }
                }
            }
        }
        assertThat(calls).as("operations x roles called").isGreaterThan(7 * 30);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void theEventStreamNeedsACredential() throws Exception {
        assertThat(call("GET", "/api/v1/tracking/no-such-id/events", null)).isEqualTo(401);
        assertThat(call("GET", "/api/v1/tracking/no-such-id/events", TestIssuer.get().token(TENANT, "viewer", Set.of("viewer"))))
                .isEqualTo(404);
    }

    private int call(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                .method(method, method.equals("GET") || method.equals("DELETE")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
