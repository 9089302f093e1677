package io.dharma.guardrails;

import io.dharma.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for /api/v1/policies, as a tenant's tooling would call it: with a bearer
 * token from the test identity provider ({@link TestIssuer}) for {@link #USER}.
 */
public final class PoliciesClient {

    /** The user every token of this client is issued to. */
    public static final String USER = "alice@example.com";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;

    /** A user of the tenant holding every tenant role (not platform-admin). */
    PoliciesClient(String baseUrl, String tenant) {
        this(baseUrl, Map.of("Authorization", "Bearer " + TestIssuer.get().token(tenant, USER)));
    }

    /** A user of the tenant holding exactly these roles. */
    PoliciesClient(String baseUrl, String tenant, Set<String> roles) {
        this(baseUrl, Map.of("Authorization", "Bearer " + TestIssuer.get().token(tenant, USER, roles)));
    }

    /** Only these headers (none: an anonymous caller). */
    PoliciesClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    public Response list() {
        return send(request("/api/v1/policies").GET());
    }

    public Response get(String id) {
        return send(request("/api/v1/policies/" + id).GET());
    }

    public Response create(Map<String, ?> policy) {
        return create(JSON.writeValueAsString(policy));
    }

    public Response create(String json) {
        return send(request("/api/v1/policies").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response update(String id, Map<String, ?> policy) {
        return send(request("/api/v1/policies/" + id).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(policy))));
    }

    public Response disable(String id) {
        return send(request("/api/v1/policies/" + id + "/disable").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response enable(String id) {
        return send(request("/api/v1/policies/" + id + "/enable").POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String id) {
        return send(request("/api/v1/policies/" + id).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType, String location, String wwwAuthenticate) {

        public JsonNode json() {
            return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString(null);
        }

        public String code() {
            return text("code");
        }
    }
}
