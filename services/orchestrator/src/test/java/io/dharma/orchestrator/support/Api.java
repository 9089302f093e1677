package io.dharma.orchestrator.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import io.dharma.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orchestrator's HTTP API as a client sees it: each request carries a bearer token of the
 * shared {@link TestIssuer} for the tenant and user, with every tenant role unless {@link #withRoles}
 * says otherwise (none at all for {@link #anonymous()}).
 */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String baseUrl;
    private final String tenant;
    private final String user;
    private final Set<String> roles;

    public Api(int port, String tenant, String user) {
        this(port, tenant, user, TestIssuer.TENANT_ROLES);
    }

    private Api(int port, String tenant, String user, Set<String> roles) {
        this.baseUrl = "http://localhost:" + port;
        this.tenant = tenant;
        this.user = user;
        this.roles = roles == null ? null : Set.copyOf(roles);
    }

    private int port() {
        return Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1));
    }

    public Api as(String otherUser) {
        return new Api(port(), tenant, otherUser, roles);
    }

    public Api forTenant(String otherTenant) {
        return new Api(port(), otherTenant, user, roles);
    }

    /** The same user holding only {@code otherRoles} ("developer", "approver", "platform-admin", ...). */
    public Api withRoles(Set<String> otherRoles) {
        return new Api(port(), tenant, user, otherRoles);
    }

    public Api asPlatformAdmin() {
        return withRoles(Set.of("platform-admin"));
    }

    /** Requests without any credential. */
    public Api anonymous() {
        return new Api(port(), tenant, user, null);
    }

    public record Response(int status, String contentType, JsonNode body) {

        public String code() {
            return body.path("code").asString();
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public Response post(String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (jsonBody == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        }
        return send(request);
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    public Response approve(String deploymentId, String comment) {
        return post("/api/v1/deployments/" + deploymentId + "/approve", commentBody(comment));
    }

    public Response reject(String deploymentId, String comment) {
        return post("/api/v1/deployments/" + deploymentId + "/reject", commentBody(comment));
    }

    public Response retry(String deploymentId) {
        return post("/api/v1/deployments/" + deploymentId + "/retry", null);
    }

    public Response destroy(String blueprintId) {
        return post("/api/v1/blueprints/" + blueprintId + "/destroy", null);
    }

    /** Observes the tenant's deployed stacks now (only {@code blueprintId}'s if not null). */
    public Response observeDrift(String blueprintId) {
        return post("/api/v1/drift/observe" + (blueprintId == null ? "" : "?blueprintId=" + blueprintId), null);
    }

    private static String commentBody(String comment) {
        return comment == null ? null : JSON.writeValueAsString(java.util.Map.of("comment", comment));
    }

    private Response send(HttpRequest.Builder request) {
        if (roles != null) {
            request.header("Authorization", "Bearer " + TestIssuer.get().token(tenant, user, roles));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
