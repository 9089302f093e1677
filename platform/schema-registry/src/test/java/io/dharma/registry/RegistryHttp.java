package io.dharma.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for asserting the registry's REST API on the wire. */
final class RegistryHttp {

    static final String SR_JSON = "application/vnd.schemaregistry.v1+json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        int errorCode() {
            return json().path("error_code").asInt();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Response get(String path) {
        return send(request(path).GET());
    }

    Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET());
    }

    Response post(String path, Object body) {
        return post(path, body, SR_JSON);
    }

    /** contentType null sends the request without a Content-Type header. */
    Response post(String path, Object body, String contentType) {
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder);
    }

    Response put(String path, Object body) {
        return send(request(path).header("Content-Type", SR_JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    Response delete(String path) {
        return send(request(path).DELETE());
    }

    static Map<String, String> schema(String schemaText) {
        return Map.of("schema", schemaText);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    }

    private static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
