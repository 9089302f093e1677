package io.dharma.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/blueprints} as a user of one tenant ({@link BenchCredentials}): the request every submitting driver sends. */
final class IntakeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The intake's answer: the tracking id of an accepted (202) submission, else why not (HTTP status or I/O exception). */
    record Answer(String trackingId, String refusal) {

        boolean accepted() {
            return trackingId != null;
        }
    }

    private final HttpClient http;
    private final URI uri;

    IntakeClient(String apiUrl, Duration connectTimeout) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
        this.uri = URI.create(apiUrl + "/api/v1/blueprints");
    }

    Answer submit(String tenant, String document) {
        try {
            HttpResponse<String> response = http.send(request(tenant, document), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 202) {
                return new Answer(JSON.readTree(response.body()).get("trackingId").asString(), null);
            }
            return new Answer(null, "HTTP " + response.statusCode());
        } catch (IOException e) {
            return new Answer(null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted");
        }
    }

    /** The answer's status alone, -1 when there is none; the body is not read, so the driver's own work stays small. */
    int submitForStatus(String tenant, String document) {
        try {
            return http.send(request(tenant, document), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private HttpRequest request(String tenant, String document) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/yaml")
                .header("Authorization", BenchCredentials.authorization(tenant))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(document)).build();
    }
}
