package io.dharma.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit --wait} against the SSE contract of GET /api/v1/tracking/{id}/events (BRIEF,
 * session 2), served by a scripted local HTTP server: each stage is {@code event: stage}, then
 * {@code event: end} with the tracking JSON. The real end-to-end test joins once the query API
 * is on main.
 */
class SubmitWaitTest {

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile String stream;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v1/blueprints", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            respond(exchange, 202, "application/json", "{\"trackingId\":\"trk-1\",\"blueprintId\":\"bp-1\",\"version\":1}");
        });
        server.createContext("/api/v1/tracking/trk-1/events", exchange -> {
            requests.add("GET events " + exchange.getRequestHeaders().getFirst("Accept"));
            respond(exchange, 200, "text/event-stream", stream);
        });
        server.createContext("/api/v1/caller", exchange -> respond(exchange, 401, "application/problem+json",
                "{\"code\":\"auth.unauthenticated\",\"detail\":\"needs a credential\"}"));
        server.createContext("/api/v1/tracking/unknown/events", exchange -> respond(exchange, 404, "application/problem+json",
                "{\"code\":\"tracking.not-found\",\"detail\":\"No submission with tracking id unknown\"}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void printsEachStageAndExitsZeroWhenDeployed() throws Exception {
        stream = stage("e1", "SUBMITTED", "SUBMITTED", "{}")
                + ": keep-alive comment\n\n"
                + stage("e2", "IAC", "IAC_GENERATED", "{\"files\":\"3\"}")
                + stage("e3", "DEPLOYMENT", "SUCCEEDED", "{\"resourcesChanged\":\"4\"}")
                + end("SUCCEEDED");

        Cli cli = Cli.run("submit", blueprint("web.yaml"), "--wait", "--api-url", url(), "--token", "key-of-team-a");

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("tracking id trk-1");
        assertThat(cli.out().lines().filter(l -> l.startsWith("2026-")).toList()).hasSize(3);
        assertThat(cli.out()).containsPattern("IAC_GENERATED +files=3").contains("Ended: SUCCEEDED");
        assertThat(requests).contains("POST /api/v1/blueprints application/yaml Bearer key-of-team-a", "GET events text/event-stream");
    }

    @Test
    void aBlockedSubmissionExitsNonZeroNamingThePolicies() throws Exception {
        stream = stage("e1", "SUBMITTED", "SUBMITTED", "{}")
                + stage("e2", "GUARDRAILS", "GUARDRAILS_BLOCKED",
                        "{\"reasons\":\"storage.encryption-at-rest,network.no-public-ssh\"}")
                + stage("e3", "DECISION", "BLOCKED", "{\"reasons\":\"storage.encryption-at-rest,network.no-public-ssh\"}")
                + end("BLOCKED");

        Cli cli = Cli.run("submit", blueprint("insecure.json"), "--wait", "--api-url", url());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.UNSUCCESSFUL_OUTCOME);
        assertThat(cli.out()).contains("blocked by: storage.encryption-at-rest,network.no-public-ssh")
                .contains("Ended: BLOCKED");
        assertThat(requests).anyMatch(r -> r.startsWith("POST /api/v1/blueprints application/json"));
    }

    @Test
    void awaitingApprovalShowsHowToApprove() throws Exception {
        stream = stage("e1", "DECISION", "AWAITING_APPROVAL", "{\"deploymentId\":\"dep-9\"}")
                + stage("e2", "DECISION", "REJECTED", "{\"comment\":\"not now\"}")
                + end("REJECTED");

        Cli cli = Cli.run("submit", blueprint("prod.yml"), "--wait", "--api-url", url());

        assertThat(cli.out()).contains("dharma approve dep-9");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.UNSUCCESSFUL_OUTCOME);
    }

    @Test
    void aStreamThatNeverEndsTheSubmissionIsAnError() throws Exception {
        stream = stage("e1", "SUBMITTED", "SUBMITTED", "{}");

        Cli cli = Cli.run("submit", blueprint("web.yaml"), "--wait", "--api-url", url());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err()).contains("ended before the submission did");
    }

    @Test
    void withoutWaitOnlyTheTrackingIdIsPrinted() throws Exception {
        Cli cli = Cli.run("submit", blueprint("web.yaml"), "--api-url", url());

        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out().lines().toList().getLast()).isEqualTo("trk-1");
        assertThat(requests).noneMatch(r -> r.startsWith("GET events"));
    }

    @Test
    void withoutACredentialTheAdminKeyOfTheLocalHomeIsSent() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("admin.key"), "dharma_0123456789ab_secret\n");

        Cli cli = Cli.run("submit", blueprint("web.yaml"), "--api-url", url(), "--home", dir.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(requests).contains("POST /api/v1/blueprints application/yaml Bearer dharma_0123456789ab_secret");
    }

    @Test
    void refusedCredentialPrintsOneLineSayingHowToLogIn() {
        Cli cli = Cli.run("whoami", "--api-url", url(), "--home", dir.toString());

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.err()).contains("dharma login").contains("DHARMA_TOKEN");
    }

    @Test
    void problemAnswersAreShownWithTheirCode() {
        PlatformClient client = new PlatformClient(url(), null);

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> client.stream("/api/v1/tracking/unknown/events", null)))
                .isInstanceOf(CliException.class)
                .hasMessage("HTTP 404 tracking.not-found: No submission with tracking id unknown");
    }

    private String blueprint(String name) throws IOException {
        return Files.writeString(dir.resolve(name), name.endsWith(".json") ? "{}" : "name: x").toString();
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private static String stage(String id, String kind, String status, String detail) {
        return "event: stage\nid: " + id + "\ndata: {\"kind\":\"" + kind + "\",\"status\":\"" + status
                + "\",\"occurredAt\":\"2026-03-01T10:00:0" + id.charAt(1) + "Z\",\"eventId\":\"" + id + "\",\"detail\":" + detail + "}\n\n";
    }

    private static String end(String status) {
        return "event: end\ndata: {\"trackingId\":\"trk-1\",\"blueprintId\":\"bp-1\",\"version\":1,\"status\":\"" + status
                + "\",\"stages\":[]}\n\n";
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
