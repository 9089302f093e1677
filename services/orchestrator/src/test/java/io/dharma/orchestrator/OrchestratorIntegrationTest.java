package io.dharma.orchestrator;

import io.dharma.orchestrator.app.OrchestratorApplication;
import io.dharma.orchestrator.deployment.DeploymentIds;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStore;
import io.dharma.orchestrator.support.Api;
import io.dharma.orchestrator.support.DeploymentTopic;
import io.dharma.orchestrator.support.HeldApplies;
import io.dharma.orchestrator.support.ProcessingBarrier;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.SandboxCloud;
import io.dharma.testing.EmbeddedStack;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The orchestrator application on a random port against the shared real Kafka, registry and
 * PostgreSQL, deploying to the real sandbox cloud (no latency). Tests isolate themselves by fresh
 * blueprint ids and tenants.
 */
@SpringBootTest(classes = OrchestratorApplication.class, properties = OrchestratorApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// No scheduled drift observation: tests trigger it (DriftScheduleTest turns the schedule on).
@TestPropertySource(properties = OrchestratorIntegrationTest.NO_DRIFT_SCHEDULE)
@Import(HeldApplies.Config.class)
public abstract class OrchestratorIntegrationTest {

    /**
     * Fast settings for tests: short polls, no sandbox latency, 5 tries waiting 100, 200, 400, 800 ms.
     */
    public static final Map<String, String> FAST = Map.of(
            "dharma.orchestrator.worker.poll-interval", "100ms",
            "dharma.kafka.outbox.poll-interval", "100ms",
            "dharma.orchestrator.executor-retry.initial-interval", "100ms",
            "dharma.orchestrator.executor-retry.max-interval", "1s",
            "dharma.orchestrator.executor-retry.max-attempts", "5",
            "dharma.sandbox.latency", "0ms",
            "dharma.kafka.processing.retry.initial-interval", "100ms");

    public static final String NO_DRIFT_SCHEDULE = "dharma.orchestrator.drift.enabled=false";

    /** A tenant whose deployments quota is 0: every version it submits has no room. */
    public static final String NO_ROOM_TENANT = "t-no-room";

    @LocalServerPort
    protected int port;

    @Autowired
    private ApplicationContext context;

    @Autowired
    protected DSLContext db;

    protected final Inputs inputs = new Inputs();
    protected final DeploymentTopic topic = DeploymentTopic.get();
    protected final String tenant = "t-" + UUID.randomUUID().toString().substring(0, 8);
    protected SandboxCloud sandbox;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedStack.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
        FAST.forEach((name, value) -> properties.add(name, () -> value));
        properties.add("dharma.quotas.tenants." + NO_ROOM_TENANT + ".deployments", () -> "0");
    }

    @BeforeEach
    void sandbox() {
        sandbox = new SandboxCloud(context);
    }

    @AfterEach
    void clearFaults() {
        sandbox.clearFaults();
    }

    protected Api api() {
        return new Api(port, tenant, "alice");
    }

    /**
     * The orchestrator's own row of a deployment: what its decisions and commands wrote. Reads over
     * HTTP are the streams application's (ADR 0031), which this test does not run.
     */
    protected Deployment deployment(String deploymentId) {
        return context.getBean(DeploymentStore.class).find(UUID.fromString(deploymentId))
                .orElseThrow(() -> new AssertionError("no deployment " + deploymentId));
    }

    /** Instead of sleeping before asserting that nothing more happened: see {@link ProcessingBarrier}. */
    protected void awaitEverythingHandled(String blueprintId) throws Exception {
        new ProcessingBarrier(db, context.getEnvironment().getProperty("dharma.orchestrator.consumer-group",
                OrchestratorProperties.DEFAULT_CONSUMER_GROUP)).awaitHandled(blueprintId);
    }

    protected static String newBlueprintId() {
        return UUID.randomUUID().toString();
    }

    protected static String deploymentIdOf(String blueprintId, int version) {
        return DeploymentIds.forVersion(blueprintId, version).toString();
    }
}
