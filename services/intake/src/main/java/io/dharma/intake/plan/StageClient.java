package io.dharma.intake.plan;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks one stage of the pipeline over HTTP, with the caller's bearer token, so the stage answers
 * for the caller's tenant and checks the caller's roles itself. A stage that cannot be reached,
 * times out or answers 5xx is {@link StageUnavailableException}; a 4xx answer is relayed as it is
 * ({@link StageRefusedException}).
 *
 * <p>Each call is an observed client exchange (Spring's {@link RestClient} with the application's
 * {@link ObservationRegistry}): its span is a child of the plan request's and the W3C
 * {@code traceparent} goes with it, so the stages' spans join the plan's trace. The calls run in
 * parallel on virtual threads, each inside the caller's current observation.
 */
public final class StageClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestClient http;
    private final ObservationRegistry observations;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param builder an observed builder (Spring Boot's auto-configured one carries the observation
     *                registry); cloned, so its other users are not changed
     */
    public StageClient(RestClient.Builder builder, ObservationRegistry observations, Duration timeout) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = builder.clone().requestFactory(requests).observationRegistry(observations).build();
        this.observations = observations;
    }

    /** Unobserved (no tracing): for tests of the answers' handling. */
    public StageClient(Duration timeout) {
        this(RestClient.builder(), ObservationRegistry.NOOP, timeout);
    }

    /** POSTs {@code body} as {@code mediaType} to {@code baseUrl + path}. */
    public CompletableFuture<JsonNode> post(String stage, URI baseUrl, String path, String authorization, byte[] body,
            String mediaType) {
        return inParallel(() -> send(stage, HttpMethod.POST, uri(baseUrl, path), authorization, body, mediaType, false)
                .orElseThrow());
    }

    /** GETs {@code baseUrl + path}; empty when it answers 404. */
    public CompletableFuture<Optional<JsonNode>> getIfFound(String stage, URI baseUrl, String path, String authorization) {
        return inParallel(() -> send(stage, HttpMethod.GET, uri(baseUrl, path), authorization, null, null, true));
    }

    /** Runs {@code call} on its own thread inside the caller's observation (the plan request's span), if any. */
    private <T> CompletableFuture<T> inParallel(Supplier<T> call) {
        Observation parent = observations.getCurrentObservation();
        return CompletableFuture.supplyAsync(parent == null ? call : () -> parent.scoped(call), calls);
    }

    private static URI uri(URI baseUrl, String path) {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private Optional<JsonNode> send(String stage, HttpMethod method, URI uri, String authorization, byte[] body,
            String mediaType, boolean notFoundIsEmpty) {
        RestClient.RequestBodySpec request = http.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.contentType(MediaType.parseMediaType(mediaType)).body(body);
        }
        Answer answer;
        try {
            answer = request.exchange((sent, response) -> new Answer(response.getStatusCode().value(),
                    new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StageUnavailableException(stage, "cannot reach it at " + uri.getAuthority() + ": "
                    + cause.getClass().getSimpleName());
        }
        if (answer.status() == 404 && notFoundIsEmpty) {
            return Optional.empty();
        }
        if (answer.status() >= 500) {
            throw new StageUnavailableException(stage, "it answered HTTP " + answer.status());
        }
        if (answer.status() >= 400) {
            throw new StageRefusedException(stage, answer.status(), answer.body());
        }
        try {
            return Optional.of(JSON.readTree(answer.body()));
        } catch (JacksonException e) {
            throw new StageUnavailableException(stage, "its answer is not JSON");
        }
    }

    private record Answer(int status, String body) {
    }
}
