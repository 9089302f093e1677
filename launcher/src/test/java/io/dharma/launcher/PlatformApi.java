package io.dharma.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.dharma.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the platform API, as a user's script would call it. */
final class PlatformApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Accepted(String trackingId, String blueprintId, int version) {
    }

    private final String baseUrl;
    private final String bearer;
    private final HttpClient http = HttpClient.newHttpClient();

    /** As a user of {@code tenant} holding every tenant role, with a token from the test's issuer. */
    PlatformApi(String baseUrl, String tenant) {
        this(baseUrl, tenant, "e2e-user");
    }

    PlatformApi(String baseUrl, String tenant, String user) {
        this(baseUrl, TestIssuer.get().token(tenant, user), true);
    }

    private PlatformApi(String baseUrl, String bearer, boolean unused) {
        this.baseUrl = baseUrl;
        this.bearer = bearer;
    }

    /** As the holder of this API key or token. */
    static PlatformApi withBearer(String baseUrl, String bearer) {
        return new PlatformApi(baseUrl, bearer, true);
    }

    /** The same tenant as another principal (four-eyes: the approver is not the submitter). */
    static String bearer(String tenant, String user) {
        return TestIssuer.get().token(tenant, user);
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
        HttpResponse<String> response = submit(document);
        if (response.statusCode() != 202) {
            throw new AssertionError("submission of " + file + " answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Accepted(body.get("trackingId").asString(), body.get("blueprintId").asString(), body.get("version").asInt());
    }

    /** Submits {@code examples/<file>} renamed, whatever the answer. */
    HttpResponse<String> trySubmitExample(String file, String name) throws Exception {
        return submit(java.nio.file.Files.readString(Path.of("../examples", file))
                .replaceFirst("(?m)^(\\s+name:\\s*)\\S+", "$1" + name));
    }

    private HttpResponse<String> submit(String document) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/blueprints"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(document)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** A GET whose answer is not JSON (a file, a zip): its bytes and headers. */
    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }
}
