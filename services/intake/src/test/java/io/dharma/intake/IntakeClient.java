package io.dharma.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the intake API, as any user's tooling would call it. */
final class IntakeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String tenant;

    IntakeClient(String baseUrl) {
        this(baseUrl, null);
    }

    IntakeClient(String baseUrl, String tenant) {
        this.baseUrl = baseUrl;
        this.tenant = tenant;
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
        if (tenant != null) {
            request.header("X-Dharma-Tenant", tenant);
        }
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
