package io.dharma.infra.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import io.dharma.testing.ExampleBlueprints;
import io.dharma.testing.TestIssuer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's HTTP API as a user of one tenant calls it, with a token of the test's identity
 * provider: commands to the intake, reads from the state application (who owns which path:
 * contracts/openapi.yaml).
 */
final class TenantApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Accepted(String trackingId, String blueprintId) {
    }

    private final String intakeUrl;
    private final String stateUrl;
    private final String bearer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TenantApi(SplitPlatform platform, String tenant) {
        this.intakeUrl = platform.url(Service.INTAKE);
        this.stateUrl = platform.url(Service.STREAMS);
        this.bearer = TestIssuer.get().token(tenant, "split-process-user");
    }

    /** Submits {@code examples/<file>} as a new blueprint named {@code name}; anything but 202 fails. */
    Accepted submitExample(String file, String name) {
        String document = ExampleBlueprints.document(file).replaceFirst("(?m)^(\\s+name:\\s*)\\S+", "$1" + name);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/blueprints"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(document)));
        if (response.statusCode() != 202) {
            throw new AssertionError("submission of " + file + " as " + name + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new Accepted(body.get("trackingId").asString(), body.get("blueprintId").asString());
    }

    /** The dry run of {@code examples/<file>} named {@code name} at intake: its status and body. */
    HttpResponse<String> planExample(String file, String name) {
        String document = ExampleBlueprints.document(file).replaceFirst("(?m)^(\\s+name:\\s*)\\S+", "$1" + name);
        return send(HttpRequest.newBuilder(URI.create(intakeUrl + "/api/v1/blueprints/plan"))
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(document)));
    }

    /** The submission's status in the state application, empty while it does not know it (404) or cannot answer (503). */
    Optional<String> trackingStatus(String trackingId) {
        return read("/api/v1/tracking/" + trackingId).map(tracking -> tracking.path("status").asString());
    }

    /** A read of the state application's query API, empty unless it answers 200. */
    Optional<JsonNode> read(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(stateUrl + path)).GET());
        return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
