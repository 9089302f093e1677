package io.dharma.intake;

import io.dharma.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the intake API, as any user's tooling would call it: with a bearer token
 * from the test identity provider ({@link TestIssuer}), unless built {@link #anonymous anonymous}.
 */
final class IntakeClient {

    /** The tenant of {@link #IntakeClient(String)}. */
    static final String DEFAULT_TENANT = "default";
    /** The user every token of this client is issued to. */
    static final String USER = "dev@example.com";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Map<String, String> headers;

    IntakeClient(String baseUrl) {
        this(baseUrl, DEFAULT_TENANT);
    }

    /** A user of the tenant holding every tenant role. */
    IntakeClient(String baseUrl, String tenant) {
        this(baseUrl, Map.of("Authorization", "Bearer " + TestIssuer.get().token(tenant, USER)));
    }

    private IntakeClient(String baseUrl, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.headers = Map.copyOf(headers);
    }

    /** A user of the tenant holding exactly these roles. */
    static IntakeClient withRoles(String baseUrl, String tenant, Set<String> roles) {
        return new IntakeClient(baseUrl, Map.of("Authorization", "Bearer " + TestIssuer.get().token(tenant, USER, roles)));
    }

    /** No credential at all. */
    static IntakeClient anonymous(String baseUrl) {
        return new IntakeClient(baseUrl, Map.of());
    }

    /** Only these headers (for example the X-Dharma-* headers callers used to name themselves with). */
    static IntakeClient withHeaders(String baseUrl, Map<String, String> headers) {
        return new IntakeClient(baseUrl, headers);
    }

    Response submitExample(String file) {
        try {
            return submit(Files.readAllBytes(Path.of("../../examples", file)), "application/yaml", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response submit(String document, String contentType) {
        return submit(document.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType, null);
    }

    Response submit(byte[] document, String contentType, String idempotencyKey) {
        HttpRequest.Builder request = request("/api/v1/blueprints").POST(HttpRequest.BodyPublishers.ofByteArray(document));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        return request;
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
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

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String text(String field) {
            return json().path(field).asString();
        }
    }
}
