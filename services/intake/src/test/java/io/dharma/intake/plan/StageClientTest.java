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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the dry run reads a stage's answers: unreachable or failing is unavailable (503 naming it), 4xx is relayed. */
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
