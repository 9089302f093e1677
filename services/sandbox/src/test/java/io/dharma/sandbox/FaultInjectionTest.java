package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.executor.ActualResource;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.executor.ExecutorException;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.sandbox.fault.FaultInjector;
import io.dharma.sandbox.fault.Faults;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FaultInjectionTest extends SandboxIntegrationTest {

    private static final DesiredState BUCKETS = new DesiredState(List.of(
            new DesiredResource("logs", "storage.bucket", Map.of(), List.of()),
            new DesiredResource("files", "storage.bucket", Map.of(), List.of())));

    @Autowired
    FaultInjector faults;

    @AfterEach
    void noFaults() {
        faults.set(Faults.NONE);
    }

    @Test
    void aFailureRateOfOneFailsEveryApplyTransiently() throws Exception {
        Stack stack = newStack("faults-rate", "flaky", "aws", "us-east-1");
        PlannedChange create = executor.plan(stack, BUCKETS).changes().getFirst();
        faults.set(new Faults(1.0, List.of(), Map.of()));

        assertThatThrownBy(() -> executor.apply(stack, create)).isInstanceOfSatisfying(ExecutorException.class, e -> {
            assertThat(e.isTransient()).isTrue();
            assertThat(e.resourceName()).isEqualTo("logs");
        });
        assertThat(rows(stack, "logs")).isZero();
        assertThat(operations(stack, "logs", "FAILED")).isEqualTo(1);

        faults.set(Faults.NONE);
        assertThat(executor.apply(stack, create).name()).isEqualTo("logs");
    }

    @Test
    void aResourceThatAlwaysFailsFailsPermanentlyAndLeavesTheRestAlone() throws Exception {
        Stack stack = newStack("faults-always", "doomed", "azure", "westeurope");
        List<PlannedChange> changes = executor.plan(stack, BUCKETS).changes();
        faults.set(new Faults(0, List.of("files"), Map.of()));

        ActualResource logs = executor.apply(stack, changes.get(0));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> executor.apply(stack, changes.get(1))).isInstanceOfSatisfying(ExecutorException.class, e -> {
                assertThat(e.isTransient()).isFalse();
                assertThat(e.resourceName()).isEqualTo("files");
                assertThat(e.getMessage()).contains("files");
            });
        }

        assertThat(executor.readActualState(stack)).containsExactly(logs);
        assertThat(operations(stack, "files", "FAILED")).isEqualTo(3);
    }

    @Test
    void aTransientFaultFailsTwiceThenSucceeds() throws Exception {
        Stack stack = newStack("faults-twice", "retried", "gcp", "europe-west1");
        PlannedChange create = executor.plan(stack, BUCKETS).changes().get(1);
        faults.set(new Faults(0, List.of(), Map.of("files", 2)));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> executor.apply(stack, create))
                    .isInstanceOfSatisfying(ExecutorException.class, e -> assertThat(e.isTransient()).isTrue());
        }
        ActualResource created = executor.apply(stack, create);

        assertThat(created.providerId()).startsWith("https://www.googleapis.com/storage/v1/b/retried-files-");
        assertThat(rows(stack, "files")).isEqualTo(1);
        assertThat(faults.current().transientFailures()).containsEntry("files", 0);
    }

    @Test
    void aFaultQualifiedWithABlueprintNameHitsOnlyThatBlueprint() throws Exception {
        Stack target = newStack("faults-scoped", "target", "aws", "us-east-1");
        Stack bystander = newStack("faults-scoped", "bystander", "aws", "us-east-1");
        faults.set(new Faults(0, List.of("target/logs"), Map.of()));

        PlannedChange bystanderCreate = executor.plan(bystander, BUCKETS).changes().getFirst();
        PlannedChange targetCreate = executor.plan(target, BUCKETS).changes().getFirst();

        assertThat(executor.apply(bystander, bystanderCreate).name()).isEqualTo("logs");
        assertThatThrownBy(() -> executor.apply(target, targetCreate)).isInstanceOf(ExecutorException.class);
    }

    @Test
    void faultsAreSetAndReadThroughTheApi() {
        SandboxClient client = client("faults-api", "ops").asPlatformAdmin();

        SandboxClient.Response set = client.put("/api/v1/sandbox/faults",
                "{\"failureRate\": 0.25, \"alwaysFail\": [\"db\"], \"transientFailures\": {\"cache\": 2}}");

        assertThat(set.status()).isEqualTo(200);
        assertThat(faults.current()).isEqualTo(new Faults(0.25, List.of("db"), Map.of("cache", 2)));
        var read = client.get("/api/v1/sandbox/faults").json();
        assertThat(read.path("failureRate").asDouble()).isEqualTo(0.25);
        assertThat(read.path("alwaysFail").get(0).asString()).isEqualTo("db");
        assertThat(read.path("transientFailures").path("cache").asInt()).isEqualTo(2);

        SandboxClient.Response invalid = client.put("/api/v1/sandbox/faults", "{\"failureRate\": 1.5}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.text("code")).isEqualTo("sandbox.invalid-faults");
        assertThat(invalid.text("detail")).contains("failureRate");
        assertThat(client.put("/api/v1/sandbox/faults", "{\"transientFailures\": {\"cache\": -1}}").text("code"))
                .isEqualTo("sandbox.invalid-faults");

        assertThat(client.put("/api/v1/sandbox/faults", "{}").status()).isEqualTo(200);
        assertThat(faults.current()).isEqualTo(Faults.NONE);
    }

    @Test
    void onlyAPlatformAdminSetsFaults() {
        SandboxClient developer = client("faults-auth", "dev").withRoles(java.util.Set.of("developer"));

        SandboxClient.Response refused = developer.put("/api/v1/sandbox/faults", "{\"failureRate\": 1.0}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("auth.forbidden");
        assertThat(client("faults-auth", "all-tenant-roles").put("/api/v1/sandbox/faults", "{\"failureRate\": 1.0}")
                .status()).as("every tenant role, but not platform-admin").isEqualTo(403);
        assertThat(developer.anonymous().put("/api/v1/sandbox/faults", "{\"failureRate\": 1.0}").status())
                .isEqualTo(401);
        assertThat(faults.current()).isEqualTo(Faults.NONE);
        assertThat(client("faults-auth", "ops").asPlatformAdmin().put("/api/v1/sandbox/faults", "{}").status())
                .isEqualTo(200);
    }
}
