package io.dharma.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import io.dharma.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the sandbox API, as an operator's tooling would call it: with a bearer
 * token of the shared {@link TestIssuer} for its tenant and user (none when the tenant is null),
 * holding every tenant role unless {@code roles} says otherwise.
 */
final class SandboxClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String tenant;
    private final String user;
    private final Set<String> roles;

    SandboxClient(String baseUrl, String tenant, String user) {
        this(baseUrl, tenant, user, TestIssuer.TENANT_ROLES);
    }

    SandboxClient(String baseUrl, String tenant, String user, Set<String> roles) {
        this.baseUrl = baseUrl;
        this.tenant = tenant;
        this.user = user;
        this.roles = Set.copyOf(roles);
    }

    /** The same caller as platform-admin, who alone may change resources out of band and set faults. */
    SandboxClient asPlatformAdmin() {
        return new SandboxClient(baseUrl, tenant, user, Set.of("platform-admin"));
    }

    SandboxClient withRoles(Set<String> otherRoles) {
        return new SandboxClient(baseUrl, tenant, user, otherRoles);
    }

    /** No credential at all. */
    SandboxClient anonymous() {
        return new SandboxClient(baseUrl, null, null, Set.of());
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response delete(String path) {
        return send(request(path).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (tenant != null) {
            request.header("Authorization", "Bearer "
                    + TestIssuer.get().token(tenant, user == null ? "sandbox-test" : user, roles));
        }
        return request;
    }

    private static Response send(HttpRequest request) {
        try {
            return new Response(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(HttpResponse<String> raw) {

        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String text(String field) {
            return json().path(field).asString();
        }
    }
}
