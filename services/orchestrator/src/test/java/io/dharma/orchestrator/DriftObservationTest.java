package io.dharma.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.ResourceChanged;
import io.dharma.events.ResourceObserved;
import io.dharma.orchestrator.db.Tables;
import io.dharma.orchestrator.drift.DriftObserver;
import io.dharma.orchestrator.drift.DriftSchedule;
import io.dharma.orchestrator.events.DeploymentEvents;
import io.dharma.orchestrator.support.Api;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.ObservationTopic;
import io.dharma.orchestrator.support.TestBlueprints;
import io.dharma.orchestrator.worker.StackLocks;
import io.dharma.sandbox.inventory.Inventory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The drift observer, triggered over HTTP (the schedule is off in these tests, see
 * {@link DriftScheduleTest}): what it emits for a deployed stack, for resources changed or deleted
 * at the provider, which deployment each resource belongs to, and which stacks it leaves alone.
 */
class DriftObservationTest extends OrchestratorIntegrationTest {

    private final ObservationTopic observationTopic = ObservationTopic.get();

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ApplicationContext context;

    @Test
    void aDeployedStackIsObservedResourceByResourceExactlyAsItsChangesReportedIt() {
        String blueprintId = newBlueprintId();
        Blueprint example = TestBlueprints.example("aws-web-app.yaml");
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, example);
        List<DeploymentEvent> events = deploy(v1);
        int resources = example.spec().resources().size();

        Api.Response response = api().observeDrift(blueprintId);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.body().path("stacksObserved").asInt()).isEqualTo(1);
        assertThat(response.body().path("resourcesObserved").asInt()).isEqualTo(resources);
        JsonNode stack = response.body().path("stacks").get(0);
        assertThat(stack.path("blueprintId").asString()).isEqualTo(blueprintId);
        assertThat(stack.path("outcome").asString()).isEqualTo("OBSERVED");
        assertThat(stack.path("deploymentId").asString()).isEqualTo(deploymentIdOf(blueprintId, 1));

        List<ResourceObserved> observed = awaitObservations(blueprintId, resources);
        Map<String, ResourceChanged> changed = lastChanges(events);
        assertThat(observed).extracting(ResourceObserved::getResourceName)
                .containsExactlyInAnyOrderElementsOf(changed.keySet());
        assertThat(observed).allSatisfy(observation -> {
            ResourceChanged change = changed.get(observation.getResourceName());
            assertThat(observation.getExists()).isTrue();
            assertThat(observation.getAttributes()).as(observation.getResourceName()).isEqualTo(change.getAttributes());
            assertThat(observation.getProviderId()).isEqualTo(change.getProviderId());
            assertThat(observation.getResourceType()).isEqualTo(change.getResourceType());
            assertThat(observation.getDeploymentId()).isEqualTo(deploymentIdOf(blueprintId, 1));
            assertThat(observation.getEnvelope().getProducer()).isEqualTo(DeploymentEvents.PRODUCER);
            assertThat(observation.getEnvelope().getTenantId()).isEqualTo(tenant);
            assertThat(observation.getEnvelope().getBlueprintId()).isEqualTo(blueprintId);
            assertThat(observation.getEnvelope().getBlueprintVersion()).isEqualTo(1);
            assertThat(observation.getEnvelope().getTrackingId()).isEqualTo(v1.envelope().getTrackingId());
            assertThat(observation.getEnvelope().getCausationId()).isNull();
        });
        assertThat(observed).extracting(o -> o.getEnvelope().getEventId()).doesNotHaveDuplicates();
        assertThat(observed).extracting(ResourceObserved::getObservedAt).containsOnly(observed.getFirst().getObservedAt());
    }

    @Test
    void aResourceChangedOrDeletedAtTheProviderIsObservedAsItIsNow() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("drift-tamper", "dev", "auto", 1, false));
        Map<String, ResourceChanged> changed = lastChanges(deploy(v1));
        assertThat(api().observeDrift(blueprintId).body().path("resourcesObserved").asInt()).isEqualTo(3);
        awaitObservations(blueprintId, 3);

        Api.Response tampered = api().asPlatformAdmin().post(sandboxResource(blueprintId, "files"), "{\"attributes\": {\"versioning\": true}}");
        assertThat(tampered.status()).as(tampered.body().toString()).isEqualTo(200);
        assertThat(api().asPlatformAdmin().delete(sandboxResource(blueprintId, "sub-0")).status()).isEqualTo(204);
        api().observeDrift(blueprintId);

        Map<String, ResourceObserved> now = byName(awaitObservations(blueprintId, 6).subList(3, 6));
        assertThat(now.get("files").getExists()).isTrue();
        assertThat(now.get("files").getAttributes()).containsEntry("versioning", "true");
        assertThat(changed.get("files").getAttributes()).containsEntry("versioning", "false");
        // The provider's view of the bucket follows the change; the rest is as deployed.
        assertThat(now.get("files").getAttributes()).containsEntry("provider.versioning", "Enabled");
        assertThat(changed.get("files").getAttributes()).containsEntry("provider.versioning", "Suspended");
        assertThat(without(now.get("files").getAttributes(), "versioning", "provider.versioning"))
                .isEqualTo(without(changed.get("files").getAttributes(), "versioning", "provider.versioning"));
        ResourceObserved gone = now.get("sub-0");
        assertThat(gone.getExists()).isFalse();
        assertThat(gone.getAttributes()).isEmpty();
        assertThat(gone.getProviderId()).as("the last provider id known").isEqualTo(changed.get("sub-0").getProviderId());
        assertThat(gone.getDeploymentId()).isEqualTo(deploymentIdOf(blueprintId, 1));
        assertThat(now.get("net").getAttributes()).isEqualTo(changed.get("net").getAttributes());
    }

    @Test
    void afterAnUpdateEachResourceNamesTheDeploymentThatLastChangedIt() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("drift-update", "dev", "auto", 0, false));
        List<DeploymentEvent> first = deploy(v1);
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("drift-update", "dev", "auto", 0, true));
        List<DeploymentEvent> both = deploy(v2);
        assertThat(Events.changes(Events.ofDeployment(both, deploymentIdOf(blueprintId, 2))))
                .extracting(ResourceChanged::getResourceName).containsExactly("files");

        api().observeDrift(blueprintId);

        Map<String, ResourceObserved> observed = byName(awaitObservations(blueprintId, 2));
        assertThat(observed.get("net").getDeploymentId()).isEqualTo(deploymentIdOf(blueprintId, 1));
        assertThat(observed.get("files").getDeploymentId()).isEqualTo(deploymentIdOf(blueprintId, 2));
        assertThat(observed.values()).allSatisfy(observation -> {
            assertThat(observation.getEnvelope().getBlueprintVersion()).isEqualTo(2);
            assertThat(observation.getEnvelope().getTrackingId()).isEqualTo(v2.envelope().getTrackingId());
        });
        Map<String, ResourceChanged> changed = lastChanges(both);
        assertThat(observed.get("files").getAttributes()).isEqualTo(changed.get("files").getAttributes())
                .containsEntry("versioning", "true");
        assertThat(observed.get("net").getAttributes()).isEqualTo(lastChanges(first).get("net").getAttributes());
    }

    @Test
    void aStackWithADeploymentInProgressIsSkipped() throws Exception {
        String blueprintId = newBlueprintId();
        deploy(inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("drift-busy", "dev", "auto", 0, false)));

        try (Connection worker = dataSource.getConnection()) {
            // The test plays a worker holding the stack: version 2 cannot start and stays requested.
            assertThat(StackLocks.tryLock(worker, blueprintId)).isTrue();
            JsonNode heldOnly = api().observeDrift(blueprintId).body();
            assertThat(heldOnly.path("stacksSkipped").asInt()).as("the stack's lock is held: %s", heldOnly).isEqualTo(1);

            Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("drift-busy", "dev", "auto", 0, true));
            inputs.publish(v2.submitted(), inputs.iacGenerated(v2), inputs.passed(v2), inputs.withinBudget(v2));
            awaitStatus(blueprintId, deploymentIdOf(blueprintId, 2), "REQUESTED");

            Api.Response response = api().observeDrift(blueprintId);
            assertThat(response.status()).isEqualTo(202);
            assertThat(response.body().path("stacksObserved").asInt()).isZero();
            JsonNode stack = response.body().path("stacks").get(0);
            assertThat(stack.path("outcome").asString()).isEqualTo("SKIPPED");
            assertThat(stack.path("detail").asString()).isEqualTo("a deployment of the stack is in progress");
            assertThat(stack.path("deploymentId").asString()).isEqualTo(deploymentIdOf(blueprintId, 1));
            StackLocks.unlock(worker, blueprintId);
        }
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 2), DeploymentSucceeded.class);
        assertThat(observationTopic.observations(blueprintId)).as("nothing was observed while the stack was busy").isEmpty();

        assertThat(api().observeDrift(blueprintId).body().path("stacksObserved").asInt()).isEqualTo(1);
        assertThat(awaitObservations(blueprintId, 2)).allSatisfy(observation ->
                assertThat(observation.getEnvelope().getBlueprintVersion()).isEqualTo(2));
    }

    @Test
    void aStackThatCannotBeObservedIsCountedAndTheOthersAreStillObserved() {
        String broken = newBlueprintId();
        String healthy = newBlueprintId();
        deploy(inputs.submitted(tenant, broken, 1, TestBlueprints.small("drift-broken", "dev", "auto", 0, false)));
        deploy(inputs.submitted(tenant, healthy, 1, TestBlueprints.small("drift-healthy", "dev", "auto", 0, false)));
        // A version the observer cannot turn into a desired state (stored state damaged).
        db.update(Tables.DEPLOYMENT).set(Tables.DEPLOYMENT.BLUEPRINT_JSON, "{\"not\": \"a blueprint\"}")
                .where(Tables.DEPLOYMENT.DEPLOYMENT_ID.eq(UUID.fromString(deploymentIdOf(broken, 1)))).execute();
        double failuresBefore = failures("desired-state");

        JsonNode report = api().observeDrift(null).body();

        assertThat(report.path("stacksFailed").asInt()).isEqualTo(1);
        assertThat(report.path("stacksObserved").asInt()).isEqualTo(1);
        assertThat(report.path("stacks")).extracting(s -> s.path("blueprintId").asString() + ":" + s.path("outcome").asString())
                .containsExactly(broken + ":FAILED", healthy + ":OBSERVED");
        assertThat(failures("desired-state")).isEqualTo(failuresBefore + 1);
        assertThat(awaitObservations(healthy, 2)).hasSize(2);
        assertThat(observationTopic.observations(broken)).isEmpty();
    }

    @Test
    void onlyTheCallersDeployedStacksAreObserved() {
        String deployed = newBlueprintId();
        deploy(inputs.submitted(tenant, deployed, 1, TestBlueprints.small("drift-mine", "dev", "auto", 0, false)));
        String destroyed = newBlueprintId();
        deploy(inputs.submitted(tenant, destroyed, 1, TestBlueprints.small("drift-gone", "dev", "auto", 0, false)));
        String destroyId = api().destroy(destroyed).text("deploymentId");
        topic.awaitKind(destroyed, destroyId, io.dharma.events.DeploymentDestroyed.class);
        String waiting = newBlueprintId();
        Inputs.Version prod = inputs.submitted(tenant, waiting, 1, TestBlueprints.small("drift-waiting", "prod", "auto", 0, false));
        inputs.publish(prod.submitted(), inputs.iacGenerated(prod), inputs.passed(prod), inputs.withinBudget(prod));
        topic.awaitKind(waiting, deploymentIdOf(waiting, 1), io.dharma.events.DeploymentAwaitingApproval.class);

        JsonNode report = api().observeDrift(null).body();

        assertThat(report.path("stacks")).extracting(s -> s.path("blueprintId").asString()).containsExactly(deployed);
        Api.Response stranger = api().forTenant("other-" + tenant).observeDrift(null);
        assertThat(stranger.status()).isEqualTo(202);
        assertThat(stranger.body().path("stacks").isEmpty()).isTrue();
        Api.Response notTheirs = api().forTenant("other-" + tenant).observeDrift(deployed);
        assertThat(notTheirs.status()).isEqualTo(404);
        assertThat(notTheirs.contentType()).startsWith("application/problem+json");
        assertThat(notTheirs.code()).isEqualTo("blueprint.not-found");
        assertThat(context.getBeanNamesForType(DriftSchedule.class)).as("dharma.orchestrator.drift.enabled=false").isEmpty();
    }

    private List<DeploymentEvent> deploy(Inputs.Version version) {
        inputs.publish(version.submitted(), inputs.iacGenerated(version), inputs.passed(version), inputs.withinBudget(version));
        return topic.awaitKind(version.blueprintId(), deploymentIdOf(version.blueprintId(), version.version()),
                DeploymentSucceeded.class);
    }

    private List<ResourceObserved> awaitObservations(String blueprintId, int count) {
        List<ResourceObserved> observed = observationTopic.await(blueprintId, list -> list.size() >= count);
        assertThat(observed).as("observations of %s", blueprintId).hasSize(count);
        return observed;
    }

    private void awaitStatus(String blueprintId, String deploymentId, String status) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deployment(deploymentId).status().name()).isEqualTo(status));
    }

    private String sandboxResource(String blueprintId, String name) {
        return "/api/v1/sandbox/resources/" + Inventory.resourceId(tenant, blueprintId, name);
    }

    private double failures(String stage) {
        Counter counter = context.getBean(MeterRegistry.class).find(DriftObserver.FAILURES).tag("stage", stage).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Per resource, the attributes its last ResourceChanged reported. */
    private static Map<String, ResourceChanged> lastChanges(List<DeploymentEvent> events) {
        Map<String, ResourceChanged> last = new HashMap<>();
        Events.changes(events).forEach(change -> last.put(change.getResourceName(), change));
        return last;
    }

    private static Map<String, ResourceObserved> byName(List<ResourceObserved> observations) {
        return observations.stream().collect(Collectors.toMap(ResourceObserved::getResourceName, Function.identity()));
    }

    private static Map<String, String> without(Map<String, String> attributes, String... names) {
        Map<String, String> rest = new HashMap<>(attributes);
        List.of(names).forEach(rest::remove);
        return rest;
    }
}
