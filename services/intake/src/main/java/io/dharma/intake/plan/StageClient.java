package io.dharma.intake.plan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks one stage of the pipeline over HTTP, with the caller's bearer token, so the stage answers
 * for the caller's tenant and checks the caller's roles itself. A stage that cannot be reached,
 * times out or answers 5xx is {@link StageUnavailableException}; a 4xx answer is relayed as it is
 * ({@link StageRefusedException}).
 */
public final class StageClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final Duration timeout;

    public StageClient(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** POSTs {@code body} as {@code mediaType} to {@code baseUrl + path}. */
    public CompletableFuture<JsonNode> post(String stage, URI baseUrl, String path, String authorization, byte[] body,
            String mediaType) {
        return send(stage, request(baseUrl, path, authorization).header("Content-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), false).thenApply(Optional::orElseThrow);
    }

    /** GETs {@code baseUrl + path}; empty when it answers 404. */
    public CompletableFuture<Optional<JsonNode>> getIfFound(String stage, URI baseUrl, String path, String authorization) {
        return send(stage, request(baseUrl, path, authorization).GET().build(), true);
    }

    private HttpRequest.Builder request(URI baseUrl, String path, String authorization) {
        String base = baseUrl.toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1)
                : base) + path)).timeout(timeout).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private CompletableFuture<Optional<JsonNode>> send(String stage, HttpRequest request, boolean notFoundIsEmpty) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        throw new StageUnavailableException(stage, "cannot reach it at " + request.uri().getAuthority()
                                + ": " + (cause instanceof IOException ? cause.getClass().getSimpleName() : cause.toString()));
                    }
                    int status = response.statusCode();
                    if (status == 404 && notFoundIsEmpty) {
                        return Optional.empty();
                    }
                    if (status >= 500) {
                        throw new StageUnavailableException(stage, "it answered HTTP " + status);
                    }
                    if (status >= 400) {
                        throw new StageRefusedException(stage, status, response.body());
                    }
                    try {
                        return Optional.of(JSON.readTree(response.body()));
                    } catch (JacksonException e) {
                        throw new StageUnavailableException(stage, "its answer is not JSON");
                    }
                });
    }
}
