package io.dharma.orchestrator;

import static io.dharma.orchestrator.db.Tables.DEPLOYMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.blueprint.Blueprint;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.ResourceChanged;
import io.dharma.executor.DesiredStates;
import io.dharma.database.AdvisoryLocks;
import io.dharma.sandbox.SandboxExecutor;
import io.dharma.executor.PlannedChange;
import io.dharma.executor.Stack;
import io.dharma.orchestrator.app.OrchestratorApplication;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import io.dharma.orchestrator.worker.DeploymentWorker;
import io.dharma.testing.EmbeddedStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An orchestrator stopped in the middle of an apply and started again finishes the deployment on
 * the real sandbox cloud without creating anything twice or reporting anything twice. Each run is
 * a whole application context of its own (new pools, producers, consumers, worker threads); the
 * shared test context's worker is paused meanwhile, so only these runs execute deployments.
 */
class DeploymentCrashTest extends OrchestratorIntegrationTest {

    /** First key of the workers' stack locks ("DHOR"). */

    @Autowired
    private DeploymentWorker sharedWorker;

    @Autowired
    private SandboxExecutor sandboxExecutor;

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

        try (ConfigurableApplicationContext first = startOrchestrator("200ms")) {
            publish(blueprintId, blueprint);
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.names(tenant, blueprintId).size() >= 3);
        }   // stopped mid-apply

        assertThat(status(deploymentId)).isEqualTo("APPLYING");
        assertThat(sandbox.names(tenant, blueprintId).size()).isBetween(3, 7);

        try (ConfigurableApplicationContext second = startOrchestrator("0ms")) {
            topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        }

        assertCompletedExactlyOnce(blueprintId, deploymentId, blueprint);
    }

    @Test
    void resourceAppliedButNotRecordedBeforeTheStopIsReportedOnceAndNotAppliedAgain() throws Exception {
        String blueprintId = newBlueprintId();
        Blueprint blueprint = TestBlueprints.small("crash-window", "dev", "auto", 3, false);   // 5 resources
        String deploymentId = deploymentIdOf(blueprintId, 1);

        try (ConfigurableApplicationContext first = startOrchestrator("200ms")) {
            publish(blueprintId, blueprint);
            await().atMost(Duration.ofSeconds(60)).until(() -> !sandbox.names(tenant, blueprintId).isEmpty());
        }
        assertThat(status(deploymentId)).isEqualTo("APPLYING");
        // What a process killed right after the provider answered leaves behind: the next change of
        // the plan applied at the provider, and not recorded by the orchestrator.
        Stack stack = DesiredStates.stackOf(tenant, blueprintId, blueprint);
        PlannedChange next = sandboxExecutor.plan(stack, DesiredStates.from(blueprint)).changes().getFirst();
        sandboxExecutor.apply(stack, next);
        long appliesBeforeRestart = sandbox.applies(tenant, blueprintId, next.resourceName());
        List<String> reportedBefore = Events.changes(topic.events(blueprintId)).stream()
                .map(ResourceChanged::getResourceName).toList();
        assertThat(reportedBefore).doesNotContain(next.resourceName());

        try (ConfigurableApplicationContext second = startOrchestrator("0ms")) {
            topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        }

        assertCompletedExactlyOnce(blueprintId, deploymentId, blueprint);
        assertThat(sandbox.applies(tenant, blueprintId, next.resourceName()))
                .as("re-planning found " + next.resourceName() + " in place: reported, not applied again")
                .isEqualTo(appliesBeforeRestart);
    }

    @Test
    void workerThatLosesItsStackLockStopsAndTheStackIsClaimedAgain() {
        String blueprintId = newBlueprintId();
        Blueprint blueprint = TestBlueprints.small("crash-lock", "dev", "auto", 4, false);   // 6 resources
        String deploymentId = deploymentIdOf(blueprintId, 1);

        try (ConfigurableApplicationContext orchestrator = startOrchestrator("200ms")) {
            publish(blueprintId, blueprint);
            await().atMost(Duration.ofSeconds(60)).until(() -> sandbox.names(tenant, blueprintId).size() >= 2);
            // The database ends the session holding the stack lock (a restart, a cut connection).
            Integer terminated = db.resultQuery("select count(pg_terminate_backend(pid))::int from pg_locks "
                    + "where locktype = 'advisory' and classid = ?::oid", (long) AdvisoryLocks.STACK.space()).fetchOne(0, Integer.class);
            assertThat(terminated).isEqualTo(1);
            topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        }

        assertCompletedExactlyOnce(blueprintId, deploymentId, blueprint);
    }

    private void assertCompletedExactlyOnce(String blueprintId, String deploymentId, Blueprint blueprint) {
        List<String> names = blueprint.spec().resources().stream().map(r -> r.name()).toList();
        List<DeploymentEvent> events = Events.ofDeployment(topic.events(blueprintId), deploymentId);
        List<DeploymentEvent> changed = events.stream().filter(e -> e.getPayload() instanceof ResourceChanged).toList();
        assertThat(Events.eventIds(changed)).as("no ResourceChanged event twice").doesNotHaveDuplicates().hasSize(names.size());
        assertThat(Events.changes(changed)).extracting(ResourceChanged::getResourceName).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(Events.eventIds(events)).as("no deployment event twice").doesNotHaveDuplicates();
        assertThat(Events.only(events, DeploymentSucceeded.class).getResourcesChanged()).isEqualTo(names.size());
        assertThat(sandbox.names(tenant, blueprintId)).containsExactlyInAnyOrderElementsOf(names);
        assertThat(sandbox.creations(tenant, blueprintId, names))
                .allSatisfy((name, count) -> assertThat(count).as("creations of " + name).isEqualTo(1));
        assertThat(status(deploymentId)).isEqualTo("SUCCEEDED");
    }

    private void publish(String blueprintId, Blueprint blueprint) {
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, blueprint);
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
    }

    private String status(String deploymentId) {
        return db.select(DEPLOYMENT.STATUS).from(DEPLOYMENT)
                .where(DEPLOYMENT.DEPLOYMENT_ID.eq(UUID.fromString(deploymentId)))
                .fetchOne(DEPLOYMENT.STATUS);
    }

    private static ConfigurableApplicationContext startOrchestrator(String sandboxLatency) {
        // Command-line arguments, so they win over orchestrator.yaml as they would in production.
        List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
        EmbeddedStack.get().springProperties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        Map<String, String> settings = new HashMap<>(FAST);
        settings.put("dharma.sandbox.latency", sandboxLatency);
        settings.put("dharma.orchestrator.drift.enabled", "false");
        settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(OrchestratorApplication.class)
                .properties(OrchestratorApplication.CONFIG_NAME)
                .run(arguments.toArray(String[]::new));
    }
}
