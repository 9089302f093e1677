package io.dharma.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.kafka.housekeeping.PurgeTarget;
import io.dharma.kafka.housekeeping.RetentionPurge;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyTest extends IntakeIntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheOriginalAnswer() {
        IntakeClient client = client("idempotent");
        byte[] body = TestBlueprints.bucket("retried-app", "x").getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();

        IntakeClient.Response first = client.submit(body, "application/yaml", key);
        IntakeClient.Response retry = client.submit(body, "application/yaml", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(client.get("/api/v1/blueprints/" + first.text("blueprintId")).json().path("latestVersion").asInt())
                .isEqualTo(1);
    }

    @Test
    void aKeyIsForgottenOnceOlderThanItsRetentionAndThenNamesANewSubmission() {
        IntakeClient client = client("idempotent");
        byte[] body = TestBlueprints.bucket("expiring-key-app", "x").getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();
        IntakeClient.Response first = client.submit(body, "application/yaml", key);
        JdbcClient.create(context.getBean(DataSource.class))
                .sql("update intake.idempotency_key set created_at = created_at - interval '25 hours' where idempotency_key = ?")
                .params(key).update();

        long purged = context.getBean(RetentionPurge.class)
                .purge(context.getBean("intakeIdempotencyKeysPurge", PurgeTarget.class));
        IntakeClient.Response afterRetention = client.submit(body, "application/yaml", key);

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(afterRetention.status()).isEqualTo(202);
        assertThat(afterRetention.text("trackingId")).isNotEqualTo(first.text("trackingId"));
    }

    @Test
    void theSameKeyWithAnotherBodyIs409() {
        IntakeClient client = client("idempotent");
        String key = UUID.randomUUID().toString();
        client.submit(TestBlueprints.bucket("conflicting-app", "one").getBytes(StandardCharsets.UTF_8), "application/yaml", key);

        IntakeClient.Response conflict = client.submit(
                TestBlueprints.bucket("conflicting-app", "two").getBytes(StandardCharsets.UTF_8), "application/yaml", key);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.header("Content-Type")).startsWith("application/problem+json");
        assertThat(conflict.text("code")).isEqualTo("idempotency.key-reused");
    }

    @Test
    void keysBelongToATenant() {
        byte[] body = TestBlueprints.bucket("tenant-keyed", "x").getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();

        IntakeClient.Response gamma = client("gamma").submit(body, "application/yaml", key);
        IntakeClient.Response delta = client("delta").submit(body, "application/yaml", key);

        assertThat(delta.status()).isEqualTo(202);
        assertThat(delta.text("trackingId")).isNotEqualTo(gamma.text("trackingId"));
    }

    @Test
    void concurrentRetriesCreateOneVersion() throws Exception {
        IntakeClient client = client("idempotent");
        byte[] body = TestBlueprints.bucket("raced-app", "x").getBytes(StandardCharsets.UTF_8);
        String key = UUID.randomUUID().toString();

        List<IntakeClient.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<IntakeClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> client.submit(body, "application/yaml", key)));
            }
            for (Future<IntakeClient.Response> future : futures) {
                responses.add(future.get());
            }
        }

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(202));
        assertThat(responses.stream().map(IntakeClient.Response::body).distinct()).hasSize(1);
        assertThat(client.get("/api/v1/blueprints/" + responses.getFirst().text("blueprintId"))
                .json().path("latestVersion").asInt()).isEqualTo(1);
    }

    @Test
    void anUnusableKeyIs400() {
        IntakeClient.Response response = client().submit(
                TestBlueprints.bucket("bad-key", "x").getBytes(StandardCharsets.UTF_8), "application/yaml", "x".repeat(300));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("code")).isEqualTo("idempotency.invalid-key");
    }
}
