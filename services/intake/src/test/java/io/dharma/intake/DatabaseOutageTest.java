package io.dharma.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.embedded.EmbeddedPostgresServer;
import io.dharma.intake.app.IntakeApplication;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Its own PostgreSQL, stopped and started again under a running intake (Kafka and registry are the shared ones). */
@SpringBootTest(classes = IntakeApplication.class, properties = IntakeApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

    private static final Path DATA = newDataDir();
    private static EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(DATA, 0);
    private static final int PORT = postgres.port();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + PORT + "/" + EmbeddedPostgresServer.DATABASE);
        properties.add("spring.datasource.username", () -> "postgres");
        properties.add("spring.datasource.password", () -> "");
        properties.add("spring.kafka.bootstrap-servers", () -> EmbeddedStack.get().bootstrapServers());
        properties.add("dharma.schema-registry.url", () -> EmbeddedStack.get().registryUrl());
        properties.add("dharma.kafka.outbox.poll-interval", () -> "100ms");
        properties.add("dharma.kafka.outbox.max-backoff", () -> "1s");
        properties.add("dharma.web.retry-after", () -> "7s");
        properties.add("dharma.security.issuers[0].issuer-uri", () -> TestIssuer.get().issuerUri());
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "postgres-outage-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void postgresDownIs503WithRetryAfterAndSubmissionsResumeWhenItIsBack() {
        IntakeClient client = new IntakeClient("http://localhost:" + port, "outage");
        assertThat(client.submit(TestBlueprints.bucket("before-outage", "x"), "application/yaml").status()).isEqualTo(202);

        postgres.close();

        IntakeClient.Response down = client.submit(TestBlueprints.bucket("during-outage", "x"), "application/yaml");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isEqualTo("7");
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        assertThat(down.text("code")).isEqualTo("service.unavailable");
        assertThat(down.body()).doesNotContain("Exception", "at io.", "at org.");
        assertThat(client.get("/api/v1/blueprints").status()).isEqualTo(503);

        postgres = EmbeddedPostgresServer.start(DATA, PORT);

        IntakeClient.Response[] after = new IntakeClient.Response[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            after[0] = client.submit(TestBlueprints.bucket("after-outage", "x"), "application/yaml");
            assertThat(after[0].status()).isEqualTo(202);
        });
        String trackingId = after[0].text("trackingId");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.get("/api/v1/submissions/" + trackingId).text("status")).isEqualTo("PUBLISHED"));
        assertThat(client.get("/api/v1/blueprints").json().path("totalItems").asInt()).isEqualTo(2);
    }
}
