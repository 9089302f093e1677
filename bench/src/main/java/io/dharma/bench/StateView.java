package io.dharma.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read side's view of a tenant after a fault: its SUCCEEDED blueprints in the streams
 * application's {@code GET /api/v1/summary}. A streams application that lost or folded twice what it
 * read across a kill -9 shows a figure other than the deployments read on the topic.
 */
final class StateView {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private StateView() {
    }

    /** The tenant's SUCCEEDED count, awaited for a while to reach {@code expected}; -1 when the API did not answer. */
    static long succeeded(String stateUrl, String tenant, long expected) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stateUrl + "/api/v1/summary"))
                .header("Authorization", BenchCredentials.authorization(tenant))
                .timeout(Duration.ofSeconds(10)).GET().build();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long seen = -1;
        while (true) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    JsonNode byStatus = JSON.readTree(response.body()).path("blueprintsByStatus");
                    seen = byStatus.path("SUCCEEDED").asLong(0);
                }
            } catch (IOException e) {
                // not up yet: asked again below
            }
            if (seen == expected || System.nanoTime() > deadline) {
                return seen;
            }
            Thread.sleep(500);
        }
    }
}
