package io.dharma.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the platform API, as a user's script would call it. */
final class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Accepted(String trackingId, String blueprintId, int version) {
    }

    private final String baseUrl;
    private final String tenant;
    private final HttpClient http = HttpClient.newHttpClient();

    PlatformApi(String baseUrl, String tenant) {
        this.baseUrl = baseUrl;
        this.tenant = tenant;
    }

    /** Submits {@code examples/<file>}, renamed so each test owns its blueprint. */
    Accepted submitExample(String file, String name) throws Exception {
        return submitExample(file, name, "", "");
    }

    /** As {@link #submitExample(String, String)}, with the first {@code from} in the document replaced by {@code to}. */
    Accepted submitExample(String file, String name, String from, String to) throws Exception {
        String document = java.nio.file.Files.readString(Path.of("../examples", file))
                .replaceFirst("(?m)^(\\s+name:\\s*)\\S+", "$1" + name);
        if (!from.isEmpty()) {
            document = document.replaceFirst(java.util.regex.Pattern.quote(from), to);
        }
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/blueprints"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(document)));
        if (response.statusCode() != 202) {
            throw new AssertionError("submission of " + file + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Accepted(body.get("trackingId").asString(), body.get("blueprintId").asString(), body.get("version").asInt());
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Dharma-Tenant", tenant).build(), HttpResponse.BodyHandlers.ofString());
    }
}
