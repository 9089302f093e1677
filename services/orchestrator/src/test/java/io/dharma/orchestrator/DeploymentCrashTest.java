package io.dharma.orchestrator;

import static io.dharma.orchestrator.db.Tables.DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.ResourceChanged;
import io.dharma.orchestrator.app.OrchestratorApplication;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import io.dharma.orchestrator.testapp.OrchestratorTestApplication;
import io.dharma.orchestrator.testapp.TableExecutor;
import io.dharma.orchestrator.worker.DeploymentWorker;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An orchestrator stopped in the middle of an apply and started again finishes the deployment
 * without creating anything twice or reporting anything twice. Each run is a whole application
 * context of its own (new pools, producers, consumers, worker threads); the shared test
 * context's worker is paused meanwhile so that only these runs execute deployments.
 */
class DeploymentCrashTest extends OrchestratorIntegrationTest {

    @Autowired
    private DeploymentWorker sharedWorker;

    @BeforeEach
    void pauseSharedWorker() {
        sharedWorker.stop();
    }

    @AfterEach
    void resumeSharedWorker() {
        sharedWorker.start();
    }

    @Test
    void restartAfterAStopMidApplyCompletesTheDeployment() {
        String blueprintId = newBlueprintId();
        Blueprint blueprint = TestBlueprints.small("crash-latency", "dev", "auto", 6, false);   // 8 resources
        String deploymentId = deploymentIdOf(blueprintId, 1);

        try (ConfigurableApplicationContext first = startOrchestrator()) {
            first.getBean(TableExecutor.class).latency(Duration.ofMillis(200));
            publish(blueprintId, blueprint);
            topic.await(blueprintId, events -> Events.changes(events).size() >= 3, Duration.ofSeconds(60));
        }   // stopped mid-apply

        assertThat(status(deploymentId)).isEqualTo("APPLYING");
        assertThat(executor.inventory(blueprintId).size()).isBetween(3, 7);

        try (ConfigurableApplicationContext second = startOrchestrator()) {
            topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        }

        assertCompletedExactlyOnce(blueprintId, deploymentId, blueprint);
    }

    @Test
    void resourceAppliedButNotRecordedBeforeTheStopIsReportedOnce() {
        String blueprintId = newBlueprintId();
        Blueprint blueprint = TestBlueprints.small("crash-window", "dev", "auto", 3, false);   // 5 resources
        String deploymentId = deploymentIdOf(blueprintId, 1);

        try (ConfigurableApplicationContext first = startOrchestrator()) {
            // files is created, then the executor stalls before returning: stop in that window.
            first.getBean(TableExecutor.class).stallAfter(blueprintId, "files", Duration.ofSeconds(60));
            publish(blueprintId, blueprint);
            await(() -> executor.creations(blueprintId).containsKey("files"));
        }

        assertThat(status(deploymentId)).isEqualTo("APPLYING");
        assertThat(Events.changes(topic.events(blueprintId))).extracting(ResourceChanged::getResourceName)
                .containsExactly("net");

        try (ConfigurableApplicationContext second = startOrchestrator()) {
            topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
            assertThat(second.getBean(TableExecutor.class).applyCalls(blueprintId, "files"))
                    .as("re-planning saw that files exists: it is reported, not applied again").isZero();
            assertThat(second.getBean(TableExecutor.class).applyCalls(blueprintId, "sub-0")).isEqualTo(1);
        }

        assertCompletedExactlyOnce(blueprintId, deploymentId, blueprint);
    }

    private void assertCompletedExactlyOnce(String blueprintId, String deploymentId, Blueprint blueprint) {
        int resources = TestBlueprints.resourceCount(blueprint);
        List<DeploymentEvent> events = Events.ofDeployment(topic.events(blueprintId), deploymentId);
        List<DeploymentEvent> changed = events.stream().filter(e -> e.getPayload() instanceof ResourceChanged).toList();
        assertThat(Events.eventIds(changed)).as("no ResourceChanged event twice").doesNotHaveDuplicates().hasSize(resources);
        assertThat(Events.changes(changed)).extracting(ResourceChanged::getResourceName).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(blueprint.spec().resources().stream().map(r -> r.name()).toList());
        assertThat(Events.eventIds(events)).as("no deployment event twice").doesNotHaveDuplicates();
        assertThat(Events.only(events, DeploymentSucceeded.class).getResourcesChanged()).isEqualTo(resources);
        assertThat(executor.inventory(blueprintId)).hasSize(resources);
        assertThat(executor.creations(blueprintId)).hasSize(resources)
                .allSatisfy((name, count) -> assertThat(count).as("creations of " + name).isEqualTo(1));
        assertThat(status(deploymentId)).isEqualTo("SUCCEEDED");
    }

    private void publish(String blueprintId, Blueprint blueprint) {
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, blueprint);
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
    }

    private String status(String deploymentId) {
        return db.select(DEPLOYMENT.STATUS).from(DEPLOYMENT)
                .where(DEPLOYMENT.DEPLOYMENT_ID.eq(java.util.UUID.fromString(deploymentId)))
                .fetchOne(DEPLOYMENT.STATUS);
    }

    private static ConfigurableApplicationContext startOrchestrator() {
        // Command-line arguments, so they win over orchestrator.yaml as they would in production.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        EmbeddedStack.get().springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        FAST.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(OrchestratorTestApplication.class)
                .properties(OrchestratorApplication.CONFIG_NAME)
                .run(arguments.toArray(String[]::new));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
