package io.dharma.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.PlanAction;
import io.dharma.events.PlannedAction;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import io.dharma.testing.PrometheusScrape;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Deployments through the executor SPI: plan, apply, update, retries and failures. */
class DeploymentWorkerTest extends OrchestratorIntegrationTest {

    @Test
    void deploysEveryResource() {
        String blueprintId = newBlueprintId();
        Blueprint blueprint = TestBlueprints.small("worker-deploy", "dev", "auto", 3, false);

        List<DeploymentEvent> events = deploy(blueprintId, 1, blueprint);

        assertThat(Events.kinds(events)).containsExactly("DeploymentRequested", "DeploymentApproved",
                "DeploymentPlanning", "DeploymentPlanned", "DeploymentApplying", "ResourceChanged", "ResourceChanged",
                "ResourceChanged", "ResourceChanged", "ResourceChanged", "DeploymentSucceeded");
        DeploymentPlanned plan = Events.only(events, DeploymentPlanned.class);
        assertThat(plan.getToAdd()).isEqualTo(5);
        assertThat(plan.getToChange()).isZero();
        assertThat(plan.getToDestroy()).isZero();
        assertThat(plan.getActions()).extracting(PlannedAction::getResourceName)
                .containsExactly("net", "files", "sub-0", "sub-1", "sub-2");
        List<ResourceChanged> changes = Events.changes(events);
        assertThat(changes).extracting(ResourceChanged::getResourceName).containsExactly("net", "files", "sub-0", "sub-1", "sub-2");
        assertThat(changes).allSatisfy(change -> {
            assertThat(change.getAction()).isEqualTo(ResourceChangeAction.CREATED);
            assertThat(change.getProviderId()).startsWith("arn:aws:");
            assertThat(change.getAttributes()).containsEntry("provider.region", "eu-west-1");
        });
        assertThat(changes.getFirst().getProviderId()).startsWith("arn:aws:ec2:eu-west-1:").contains(":vpc/vpc-0");
        assertThat(changes.getFirst().getAttributes()).containsEntry("cidr", "10.1.0.0/16").containsKey("provider.vpcId");
        assertThat(Events.only(events, DeploymentSucceeded.class).getResourcesChanged()).isEqualTo(5);
        assertThat(Events.eventIds(events)).doesNotHaveDuplicates();
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(TestBlueprints.resourceCount(blueprint));
    }

    @Test
    void whatTheWorkerLogsDuringADeploymentNamesIt() {
        String blueprintId = newBlueprintId();
        Inputs.Version submitted = inputs.submitted(tenant, blueprintId, 1,
                TestBlueprints.small("worker-logging", "dev", "auto", 1, false));
        inputs.publish(submitted.submitted(), inputs.iacGenerated(submitted), inputs.passed(submitted),
                inputs.withinBudget(submitted));

        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);

        assertThat(sandbox.loggingContextOfApply("worker-logging", "net"))
                .containsEntry("deploymentId", deploymentIdOf(blueprintId, 1))
                .containsEntry("tenant", tenant)
                .containsEntry("trackingId", submitted.submitted().getEnvelope().getTrackingId())
                .containsEntry("blueprintId", blueprintId);
    }

    @Test
    void deploymentsAndAppliesAreOnThePrometheusScrape() {
        Map<String, String> succeeded = Map.of("outcome", "succeeded");
        Map<String, String> sandboxApply = Map.of("executor", "sandbox", "operation", "apply", "outcome", "succeeded");
        PrometheusScrape first = PrometheusScrape.of(port);
        double ended = first.sum("dharma_deployments_ended_total", succeeded);
        double applies = first.sum("dharma_executor_apply_seconds_count", sandboxApply);

        deploy(newBlueprintId(), 1, TestBlueprints.small("worker-metrics", "dev", "auto", 3, false));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape scrape = PrometheusScrape.of(port);
            assertThat(scrape.sum("dharma_deployments_ended_total", succeeded)).isGreaterThanOrEqualTo(ended + 1);
            assertThat(scrape.sum("dharma_executor_apply_seconds_count", sandboxApply)).isGreaterThanOrEqualTo(applies + 1);
            assertThat(scrape.sum("dharma_resources_managed", Map.of())).as("the 5 resources just deployed at least")
                    .isGreaterThanOrEqualTo(5);
            assertThat(scrape.has("dharma_outbox_backlog", Map.of())).isTrue();
            assertThat(scrape.has("kafka_consumer_fetch_manager_records_lag_max", Map.of())).isTrue();
            // The timers of the traced steps (each observation is a span and a timer).
            for (String timer : List.of("dharma_deployment_schedule_seconds_count", "dharma_deployment_run_seconds_count",
                    "dharma_executor_call_seconds_count", "dharma_outbox_append_seconds_count",
                    "dharma_outbox_publish_seconds_count")) {
                assertThat(scrape.sum(timer, Map.of())).as(timer).isPositive();
            }
        });
    }

    @Test
    void deploysTheAwsExample() {
        String blueprintId = newBlueprintId();
        Blueprint example = TestBlueprints.example("aws-web-app.yaml");

        List<DeploymentEvent> events = deploy(blueprintId, 1, example);

        List<String> names = example.spec().resources().stream().map(r -> r.name()).toList();
        assertThat(Events.changes(events)).extracting(ResourceChanged::getResourceName)
                .containsExactlyInAnyOrderElementsOf(names);
        assertThat(sandbox.names(tenant, blueprintId)).containsExactlyInAnyOrderElementsOf(names);
        // Creation order respects dependencies: the network before its subnets, subnets before instances.
        List<String> created = Events.changes(events).stream().map(ResourceChanged::getResourceName).toList();
        example.spec().resources().forEach(resource -> io.dharma.blueprint.catalogue.ResourceCatalogue.v1()
                .references(resource).forEach(reference -> assertThat(created.indexOf(reference.target()))
                        .as(resource.name() + " after " + reference.target())
                        .isLessThan(created.indexOf(resource.name()))));
    }

    @Test
    void prodExampleWaitsForApprovalThenDeploys() {
        String blueprintId = newBlueprintId();
        Blueprint example = TestBlueprints.example("aws-prod-api.yaml");
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, example);
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String deploymentId = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, deploymentId, io.dharma.events.DeploymentAwaitingApproval.class);
        assertThat(sandbox.names(tenant, blueprintId)).isEmpty();

        assertThat(api().approve(deploymentId, "ship it").status()).isEqualTo(202);

        topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(TestBlueprints.resourceCount(example));
    }

    @Test
    void secondVersionAppliesOnlyItsChanges() {
        String blueprintId = newBlueprintId();
        deploy(blueprintId, 1, TestBlueprints.small("worker-update", "dev", "auto", 2, false));

        // v2: the bucket gets versioning, one subnet more.
        List<DeploymentEvent> v2 = Events.ofDeployment(
                deploy(blueprintId, 2, TestBlueprints.small("worker-update", "dev", "auto", 3, true)), deploymentIdOf(blueprintId, 2));
        DeploymentPlanned plan = Events.only(v2, DeploymentPlanned.class);
        assertThat(plan.getToAdd()).isEqualTo(1);
        assertThat(plan.getToChange()).isEqualTo(1);
        assertThat(plan.getToDestroy()).isZero();
        assertThat(plan.getActions()).extracting(PlannedAction::getResourceName, PlannedAction::getAction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("files", PlanAction.UPDATE),
                org.assertj.core.groups.Tuple.tuple("sub-2", PlanAction.CREATE));
        assertThat(Events.changes(v2)).extracting(ResourceChanged::getResourceName, ResourceChanged::getAction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("files", ResourceChangeAction.UPDATED),
                org.assertj.core.groups.Tuple.tuple("sub-2", ResourceChangeAction.CREATED));
        assertThat(Events.changes(v2).getFirst().getAttributes()).containsEntry("versioning", "true");

        // v3: two subnets fewer.
        List<DeploymentEvent> v3 = Events.ofDeployment(
                deploy(blueprintId, 3, TestBlueprints.small("worker-update", "dev", "auto", 1, true)), deploymentIdOf(blueprintId, 3));
        assertThat(Events.only(v3, DeploymentPlanned.class).getToDestroy()).isEqualTo(2);
        assertThat(Events.changes(v3)).extracting(ResourceChanged::getResourceName, ResourceChanged::getAction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("sub-2", ResourceChangeAction.DELETED),
                org.assertj.core.groups.Tuple.tuple("sub-1", ResourceChangeAction.DELETED));
        assertThat(sandbox.names(tenant, blueprintId)).containsExactlyInAnyOrder("net", "files", "sub-0");
        assertThat(sandbox.creations(tenant, blueprintId, List.of("net", "files", "sub-0", "sub-1", "sub-2")))
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
    }

    @Test
    void resourceThatChangesTypeIsReplaced() {
        String blueprintId = newBlueprintId();
        deploy(blueprintId, 1, TestBlueprints.small("worker-replace", "dev", "auto", 0, false));

        // v2: "files" is no longer a bucket but a network: delete it, then create it anew.
        Blueprint v2 = TestBlueprints.parse("""
                apiVersion: dharma/v1
                kind: Blueprint
                metadata: {name: worker-replace, environment: dev, tags: {owner: team-test}}
                spec:
                  cloud: aws
                  region: eu-west-1
                  approval: auto
                  resources:
                    - {name: net, type: network, properties: {cidr: 10.1.0.0/16}}
                    - {name: files, type: network, properties: {cidr: 10.2.0.0/16}}
                """);
        List<DeploymentEvent> events = Events.ofDeployment(deploy(blueprintId, 2, v2), deploymentIdOf(blueprintId, 2));

        DeploymentPlanned plan = Events.only(events, DeploymentPlanned.class);
        assertThat(plan.getToAdd()).isEqualTo(1);
        assertThat(plan.getToDestroy()).isEqualTo(1);
        assertThat(plan.getActions()).extracting(PlannedAction::getResourceName, PlannedAction::getAction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("files", PlanAction.REPLACE));
        assertThat(Events.changes(events)).extracting(ResourceChanged::getResourceName, ResourceChanged::getAction,
                ResourceChanged::getResourceType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("files", ResourceChangeAction.DELETED, "storage.bucket"),
                org.assertj.core.groups.Tuple.tuple("files", ResourceChangeAction.CREATED, "network"));
        assertThat(Events.only(events, DeploymentSucceeded.class).getResourcesChanged()).isEqualTo(2);
        assertThat(sandbox.inventory(tenant, blueprintId)).extracting(r -> r.name() + ":" + r.type())
                .containsExactlyInAnyOrder("net:network", "files:network");
    }

    @Test
    void transientFaultIsRetriedToSuccess() {
        String blueprintId = newBlueprintId();
        sandbox.failTransiently("worker-transient", java.util.Map.of("files", 2));

        List<DeploymentEvent> events = deploy(blueprintId, 1, TestBlueprints.small("worker-transient", "dev", "auto", 1, false));

        assertThat(Events.kinds(events)).endsWith("DeploymentSucceeded");
        assertThat(sandbox.applies(tenant, blueprintId, "files")).isEqualTo(3);
        assertThat(Events.changes(events)).extracting(ResourceChanged::getResourceName).containsExactly("net", "files", "sub-0");
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(3);
    }

    @Test
    void permanentFaultFailsTheDeploymentNamingTheResource() {
        String blueprintId = newBlueprintId();
        sandbox.failPermanently("worker-permanent", "sub-0");
        String deploymentId = deploymentIdOf(blueprintId, 1);

        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("worker-permanent", "dev", "auto", 2, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentId, DeploymentFailed.class);

        DeploymentFailed failed = Events.only(events, DeploymentFailed.class);
        assertThat(failed.getFailedResource()).isEqualTo("sub-0");
        assertThat(failed.getError()).isEqualTo("sandbox fault: the provider refuses 'sub-0' (always fails)");
        assertThat(failed.getAttempts()).isEqualTo(1);
        assertThat(sandbox.applies(tenant, blueprintId, "sub-0")).as("a permanent failure is not retried").isEqualTo(1);
        List<ResourceChanged> changes = Events.changes(events);
        assertThat(changes).extracting(ResourceChanged::getResourceName, ResourceChanged::getAction).containsExactly(
                org.assertj.core.groups.Tuple.tuple("net", ResourceChangeAction.CREATED),
                org.assertj.core.groups.Tuple.tuple("files", ResourceChangeAction.CREATED),
                org.assertj.core.groups.Tuple.tuple("sub-0", ResourceChangeAction.FAILED));
        assertThat(changes.getLast().getError()).isEqualTo(failed.getError());
        assertThat(Events.kinds(events)).last().isEqualTo("DeploymentFailed");
        // The inventory is what was applied before the failure.
        assertThat(sandbox.names(tenant, blueprintId)).containsExactlyInAnyOrder("net", "files");
        assertThat(deployment(deploymentId).error()).isEqualTo(failed.getError());
    }

    @Test
    void transientFaultThatOutlastsTheRetriesFailsTheDeployment() {
        String blueprintId = newBlueprintId();
        sandbox.failTransiently("worker-exhausted", java.util.Map.of("net", 100));
        String deploymentId = deploymentIdOf(blueprintId, 1);

        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("worker-exhausted", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentId, DeploymentFailed.class);

        DeploymentFailed failed = Events.only(events, DeploymentFailed.class);
        assertThat(failed.getFailedResource()).isEqualTo("net");
        assertThat(failed.getError()).startsWith("sandbox fault: 'net' failed transiently").endsWith("(still failing after 5 tries)");
        assertThat(sandbox.applies(tenant, blueprintId, "net")).isEqualTo(5);
        assertThat(sandbox.names(tenant, blueprintId)).isEmpty();
    }

    private List<DeploymentEvent> deploy(String blueprintId, int version, Blueprint blueprint) {
        Inputs.Version submitted = inputs.submitted(tenant, blueprintId, version, blueprint);
        inputs.publish(submitted.submitted(), inputs.iacGenerated(submitted), inputs.passed(submitted),
                inputs.withinBudget(submitted));
        return topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, version), DeploymentSucceeded.class);
    }
}
