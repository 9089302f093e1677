package io.dharma.intake.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.DefaultTracingObservationHandler;
import io.micrometer.tracing.handler.PropagatingSenderTracingObservationHandler;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.springframework.web.client.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the dry run reads a stage's answers: unreachable or failing is unavailable (503 naming it), 4xx is relayed;
 * and each call carries the caller's trace (W3C {@code traceparent}).
 */
class StageClientTest {

    private final StageClient client = new StageClient(Duration.ofSeconds(5));
    private HttpServer server;
    private URI url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/ok", 200, "{\"outcome\":\"PASSED\"}");
        answer("/failing", 500, "{}");
        answer("/refusing", 403, "{\"code\":\"auth.forbidden\"}");
        answer("/missing", 404, "{\"code\":\"blueprint.not-found\"}");
        server.start();
        url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anAnswerIsReadAndAReadAnswered404IsNothing() {
        assertThat(client.post("guardrails", url, "/ok", "Bearer t", new byte[0], "application/yaml").join()
                .path("outcome").asString()).isEqualTo("PASSED");
        assertThat(client.getIfFound("streams", url, "/missing", "Bearer t").join()).isEmpty();
    }

    @Test
    void aStageThatCannotBeReachedOrFailsIsUnavailableByName() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client.post("costing", URI.create("http://127.0.0.1:" + closed), "/x", null, new byte[0],
                "application/yaml").join())
                .isInstanceOf(CompletionException.class).cause()
                .isInstanceOf(StageUnavailableException.class).hasMessageContaining("costing")
                .extracting(e -> ((StageUnavailableException) e).stage()).isEqualTo("costing");
        assertThatThrownBy(() -> client.post("generator", url, "/failing", null, new byte[0], "application/yaml").join())
                .cause().isInstanceOf(StageUnavailableException.class).hasMessageContaining("HTTP 500");
    }

    @Test
    void aStagesRefusalIsRelayedAsItCame() {
        assertThatThrownBy(() -> client.post("guardrails", url, "/refusing", null, new byte[0], "application/yaml").join())
                .cause().isInstanceOfSatisfying(StageRefusedException.class, refused -> {
                    assertThat(refused.status()).isEqualTo(403);
                    assertThat(refused.body()).contains("auth.forbidden");
                });
    }

    @Test
    void aCallCarriesTheCallersTraceToTheStage() {
        AtomicReference<String> traceparent = new AtomicReference<>();
        server.createContext("/traced", exchange -> {
            traceparent.set(exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        SdkTracerProvider spans = SdkTracerProvider.builder().build();
        OtelTracer tracer = new OtelTracer(spans.get("test"), new OtelCurrentTraceContext(), event -> { });
        OtelPropagator w3c = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()),
                spans.get("test"));
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new ObservationHandler.FirstMatchingCompositeObservationHandler(
                new PropagatingSenderTracingObservationHandler<>(tracer, w3c), new DefaultTracingObservationHandler(tracer)));
        StageClient traced = new StageClient(RestClient.builder(), observations, Duration.ofSeconds(5));

        Observation plan = Observation.start("plan", observations);
        String traceId = plan.scoped(() -> {
            traced.post("costing", url, "/traced", "Bearer t", new byte[0], "application/yaml").join();
            return tracer.currentSpan().context().traceId();
        });
        plan.stop();

        // Asked on another thread, the stage still gets the plan's trace (a child span of it).
        assertThat(traceparent.get()).startsWith("00-" + traceId + "-");
        spans.close();
    }

    private void answer(String path, int status, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
