package io.dharma.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** GETs on the query API as a tenant, with the JSON body of a 200 parsed. Thread-safe. */
final class QueryClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** A response: its status and, for a 200, its JSON body (else null). */
    record Answer(int status, JsonNode json) {

        boolean ok() {
            return status == 200;
        }

        /** The text of a top-level field of the body, or null. */
        String field(String name) {
            JsonNode value = json == null ? null : json.get(name);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    Answer get(String url, String tenant) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", BenchCredentials.authorization(tenant))
                        .header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        return new Answer(response.statusCode(), json);
    }
}
