package io.dharma.streams.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dharma.streams.runtime.StateUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracking URL's fallback for a submission the state has not folded: intake's receipt, asked
 * with the caller's credential. The intake is a scripted HTTP server answering as
 * {@code GET /api/v1/submissions/{id}} does (the real one: ResultsEndToEndTest).
 */
class IntakeSubmissionsTest {

    private static final String KNOWN = UUID.randomUUID().toString();
    private static final String FAILING = UUID.randomUUID().toString();

    private HttpServer intake;
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startIntake() throws IOException {
        intake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        intake.createContext("/api/v1/submissions/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/api/v1/submissions/".length());
            asked.add(id + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            if (id.equals(KNOWN)) {
                respond(exchange, 200, "{\"trackingId\":\"" + KNOWN + "\",\"blueprintId\":\"bp-1\",\"name\":\"web\","
                        + "\"version\":3,\"status\":\"ACCEPTED\",\"submittedAt\":\"2026-12-07T10:00:00.123Z\",\"publishedAt\":null}");
            } else if (id.equals(FAILING)) {
                respond(exchange, 503, "{\"code\":\"database.unavailable\"}");
            } else {
                respond(exchange, 404, "{\"code\":\"tracking.not-found\"}");
            }
        });
        intake.start();
    }

    @AfterEach
    void stopIntake() {
        intake.stop(0);
    }

    @Test
    void anAcceptedSubmissionIsTheIntakesReceiptAskedWithTheCallersCredential() {
        Optional<TrackingResponse> tracking = TrackingResponse.accepted(lookup(), KNOWN, "team-a", "Bearer token-of-ana");

        assertThat(asked).containsExactly(KNOWN + " Bearer token-of-ana");
        assertThat(tracking).get().satisfies(response -> {
            assertThat(response.status()).isEqualTo(TrackingResponse.ACCEPTED);
            assertThat(response.blueprintId()).isEqualTo("bp-1");
            assertThat(response.version()).isEqualTo(3);
            assertThat(response.updatedAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00.123Z"));
            assertThat(response.stages()).isEmpty();
            assertThat(response.links()).containsEntry("iac", "/api/v1/blueprints/bp-1/versions/3/iac")
                    .containsEntry("cost", "/api/v1/blueprints/bp-1/versions/3/cost")
                    .containsEntry("verdict", "/api/v1/blueprints/bp-1/versions/3/verdict");
        });
    }

    @Test
    void whatTheIntakeDoesNotKnowForTheCallerIsAbsentAndAnIdItNeverIssuesIsNotAsked() {
        assertThat(lookup().find(UUID.randomUUID().toString(), "team-a", "Bearer x")).isEmpty();
        assertThat(lookup().find("../actuator/env", "team-a", "Bearer x")).isEmpty();
        assertThat(asked).hasSize(1);
    }

    @Test
    void anIntakeThatCannotAnswerMakesTheReadUnavailableNotAbsent() {
        assertThatThrownBy(() -> lookup().find(FAILING, "team-a", "Bearer x")).isInstanceOf(StateUnavailableException.class);
        IntakeSubmissions unreachable = new IntakeSubmissions(URI.create("http://127.0.0.1:1"), Duration.ofSeconds(2),
                JsonMapper.builder().build());
        assertThatThrownBy(() -> unreachable.find(KNOWN, "team-a", "Bearer x")).isInstanceOf(StateUnavailableException.class);
    }

    private IntakeSubmissions lookup() {
        return new IntakeSubmissions(URI.create("http://127.0.0.1:" + intake.getAddress().getPort()), Duration.ofSeconds(5),
                JsonMapper.builder().build());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
