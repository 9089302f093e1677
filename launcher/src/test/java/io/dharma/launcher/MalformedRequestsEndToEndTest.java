package io.dharma.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Malformed requests on every operation of {@code contracts/openapi.yaml}, against the running
 * platform: broken Content-Type headers, bodies that are not what they claim, odd ids and query
 * parameters. Each must be answered, in time, with a 4xx (or a success where the input is in
 * fact acceptable), never a 5xx.
 */
class MalformedRequestsEndToEndTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(15);

    /** Content-Type and body pairs that are wrong in some way. */
    private static final List<Map.Entry<String, String>> BODIES = List.of(
            Map.entry("multipart/form-data", "x"),                           // no boundary
            Map.entry("multipart/form-data; boundary=zz", "--zz\r\nbroken"),
            Map.entry("application/json; charset=bogus", "{}"),
            Map.entry("application/yaml; charset=bogus", "a: b"),
            Map.entry("application/" + "x".repeat(400), "{}"),
            Map.entry("application/json", "{not json"),
            Map.entry("application/json", "[1, 2"),
            Map.entry("application/json", "\"\u0000\""),
            Map.entry("text/plain", "hello"));

    /** Values put where the path has an id. */
    private static final List<String> IDS = List.of("x", "%00", "a%00b", "..%2F..%2Fetc", "%ZZ", "1".repeat(2000),
            UUID.randomUUID().toString(), "-1", "%F0%9F%92%A9");

    private final RunningPlatform platform = SharedPlatform.get();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    private final String bearer = TestIssuer.get().token("e2e-malformed", "malformed-user");

    @Test
    void everyOperationAnswersMalformedRequestsWithA4xxInTime() throws Exception {
        JsonNode paths = OpenApiDocument.load().root().path("paths");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Map.Entry<String, JsonNode> item : paths.properties()) {
            String template = item.getKey();
            for (String method : item.getValue().propertyNames()) {
                if (!OpenApiDocument.METHODS.contains(method)) {
                    continue;
                }
                String verb = method.toUpperCase();
                for (Map.Entry<String, String> body : BODIES) {
                    requests++;
                    check(verb, withIds(template, "x"), body.getKey(), body.getValue(), failures);
                }
                for (String id : IDS) {
                    requests++;
                    check(verb, withIds(template, id) + "?limit=-1&cursor=%25%25&status=%00&version=x",
                            "application/json", "{}", failures);
                }
            }
        }
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    private void check(String method, String path, String contentType, String body, List<String> failures) throws Exception {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(platform.apiUrl() + path))
                    .timeout(ANSWER_WITHIN)
                    .header("Authorization", "Bearer " + bearer)
                    .header("Content-Type", contentType)
                    .header("Accept", "application/json, application/problem+json, text/event-stream")
                    .method(method, method.equals("GET") || method.equals("DELETE") || method.equals("HEAD")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (IllegalArgumentException notAUri) {
            return; // a path the client itself refuses to send
        }
        String what = method + " " + abbreviate(path) + " [" + abbreviate(contentType) + "]";
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                failures.add(what + " answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
        } catch (HttpTimeoutException e) {
            failures.add(what + " did not answer within " + ANSWER_WITHIN);
        }
    }

    private static String withIds(String template, String id) {
        return template.replaceAll("\\{[^}]+}", id);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
