package io.dharma.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.events.DeploymentApproved;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentDestroyed;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentOperation;
import io.dharma.events.DeploymentPlanning;
import io.dharma.events.DeploymentRejected;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.orchestrator.state.Deployment;
import io.dharma.orchestrator.state.DeploymentStatus;
import io.dharma.orchestrator.support.Api;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Approve, reject, retry, destroy and a blueprint's deployments over HTTP: statuses, codes and tenant isolation. */
class DeploymentApiTest extends OrchestratorIntegrationTest {

    @Test
    void approvedDeploymentRuns() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-approve");

        Api.Response approved = api().as("bob").approve(deploymentId, "looks good");

        assertThat(approved.status()).isEqualTo(202);
        assertThat(approved.text("status")).isEqualTo("REQUESTED");
        assertThat(approved.text("decidedBy")).isEqualTo("bob");
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        // The approver approved a plan: planned before the approval, planned again (the same) after it.
        assertThat(Events.kinds(events)).startsWith("DeploymentRequested", "DeploymentPlanning", "DeploymentPlanned", "DeploymentAwaitingApproval",
                "DeploymentApproved", "DeploymentPlanning", "DeploymentPlanned", "DeploymentApplying");
        DeploymentApproved approval = Events.only(events, DeploymentApproved.class);
        assertThat(approval.getApprover()).isEqualTo("bob");
        assertThat(approval.getComment()).isEqualTo("looks good");
        // The approval reacts to the AwaitingApproval event.
        assertThat(events.get(4).getEnvelope().getCausationId()).isEqualTo(events.get(3).getEnvelope().getEventId());
        assertThat(((io.dharma.events.DeploymentPlanned) events.get(2).getPayload()).getToAdd()).as("the plan shown").isEqualTo(3);

        Deployment status = deployment(deploymentId);
        assertThat(status.status()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(status.planToAdd()).isEqualTo(3);
        assertThat(status.resourcesChanged()).isEqualTo(3);
        assertThat(status.blueprintId()).isEqualTo(blueprintId);
    }

    @Test
    void aPlanThatChangedAfterItsApprovalGoesBackToTheApprover() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("api-replan", "dev", "auto", 1, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);
        // v2 in prod: bucket versioning on; the approver is shown a plan of that one update.
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("api-replan", "prod", "auto", 1, true));
        inputs.publish(v2.submitted(), inputs.iacGenerated(v2), inputs.passed(v2), inputs.withinBudget(v2));
        String second = deploymentIdOf(blueprintId, 2);
        List<DeploymentEvent> shown = topic.awaitKind(blueprintId, second, DeploymentAwaitingApproval.class);
        assertThat(Events.only(Events.ofDeployment(shown, second), io.dharma.events.DeploymentPlanned.class).getToAdd()).isZero();

        // Before the approval, a subnet is deleted behind the platform's back: the plan approved is not the plan now.
        assertThat(api().asPlatformAdmin().delete("/api/v1/sandbox/resources/" + io.dharma.sandbox.inventory.Inventory.resourceId(tenant, blueprintId, "sub-0"))
                .status()).isEqualTo(204);
        assertThat(api().as("bob").approve(second, "versioning only").status()).isEqualTo(202);

        List<DeploymentEvent> events = topic.await(blueprintId, all -> Events.ofDeployment(all, second).stream()
                .filter(e -> e.getPayload() instanceof DeploymentAwaitingApproval).count() == 2, java.time.Duration.ofSeconds(60));
        DeploymentAwaitingApproval again = (DeploymentAwaitingApproval) Events.ofDeployment(events, second).getLast().getPayload();
        assertThat(again.getReason()).startsWith("the plan changed after bob approved it").contains("sub-0");
        assertThat(deployment(second).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
        assertThat(deployment(second).decidedBy()).as("undecided again").isNull();
        assertThat(sandbox.names(tenant, blueprintId)).doesNotContain("sub-0");

        assertThat(api().as("bob").approve(second, "and the subnet back").status()).isEqualTo(202);
        topic.awaitKind(blueprintId, second, DeploymentSucceeded.class);
        assertThat(sandbox.names(tenant, blueprintId)).contains("sub-0");
    }

    @Test
    void rejectedDeploymentEnds() throws Exception {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-reject");

        Api.Response rejected = api().as("carol").reject(deploymentId, "not this quarter");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentId, DeploymentRejected.class);
        DeploymentRejected rejection = Events.only(events, DeploymentRejected.class);
        assertThat(rejection.getApprover()).isEqualTo("carol");
        assertThat(rejection.getComment()).isEqualTo("not this quarter");

        Api.Response again = api().approve(deploymentId, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.code()).isEqualTo("deployment.not-awaiting-approval");
        assertThat(again.text("deploymentStatus")).isEqualTo("REJECTED");
        assertThat(api().reject(deploymentId, null).code()).isEqualTo("deployment.not-awaiting-approval");
        awaitEverythingHandled(blueprintId);
        assertThat(Events.kinds(topic.events(blueprintId)))
                .containsExactly("DeploymentRequested", "DeploymentPlanning", "DeploymentPlanned", "DeploymentAwaitingApproval", "DeploymentRejected");
        assertThat(sandbox.names(tenant, blueprintId)).isEmpty();
    }

    @Test
    void onlyAwaitingDeploymentsTakeDecisions() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("api-auto", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String deploymentId = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);

        assertThat(api().approve(deploymentId, "me too").code()).isEqualTo("deployment.not-awaiting-approval");
        assertThat(api().reject(deploymentId, "no").code()).isEqualTo("deployment.not-awaiting-approval");
        Api.Response retry = api().retry(deploymentId);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.code()).isEqualTo("deployment.not-failed");
    }

    @Test
    void failedDeploymentIsRetried() {
        String blueprintId = newBlueprintId();
        sandbox.failPermanently("api-retry", "files");
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("api-retry", "dev", "auto", 1, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String deploymentId = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, deploymentId, DeploymentFailed.class);
        assertThat(deployment(deploymentId).failedResource()).isEqualTo("files");

        sandbox.clearFaults();
        Api.Response retry = api().as("dave").retry(deploymentId);

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.text("status")).isEqualTo("REQUESTED");
        assertThat(retry.body().path("attempt").asInt()).isEqualTo(2);
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        List<DeploymentRequested> requests = Events.payloads(events, DeploymentRequested.class);
        assertThat(requests).extracting(DeploymentRequested::getRequestedBy).containsExactly(null, "dave");
        assertThat(Events.payloads(events, DeploymentPlanning.class)).extracting(DeploymentPlanning::getAttempt)
                .containsExactly(1, 2);
        assertThat(sandbox.names(tenant, blueprintId)).containsExactlyInAnyOrder("net", "files", "sub-0");
        assertThat(sandbox.creations(tenant, blueprintId, List.of("net", "files", "sub-0")))
                .allSatisfy((name, count) -> assertThat(count).as(name).isEqualTo(1));
        assertThat(deployment(deploymentId).status()).isEqualTo(DeploymentStatus.SUCCEEDED);
    }

    @Test
    void failedDeploymentOfAnOlderVersionIsNotRetried() {
        String blueprintId = newBlueprintId();
        sandbox.failPermanently("api-retry-old", "files");
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("api-retry-old", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String first = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, first, DeploymentFailed.class);
        sandbox.clearFaults();
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("api-retry-old", "dev", "auto", 0, true));
        inputs.publish(v2.submitted());
        awaitLatestVersion(blueprintId, 2);

        Api.Response retry = api().retry(first);

        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.code()).isEqualTo("deployment.superseded");
    }

    @Test
    void destroyRemovesEverything() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("api-destroy", "dev", "auto", 2, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(4);

        Api.Response destroy = api().as("erin").destroy(blueprintId);

        assertThat(destroy.status()).isEqualTo(202);
        assertThat(destroy.text("operation")).isEqualTo("DESTROY");
        String destroyId = destroy.text("deploymentId");
        assertThat(api().destroy(blueprintId).text("deploymentId")).as("a destroy under way is returned").isIn(destroyId);
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, destroyId, DeploymentDestroyed.class);
        List<DeploymentEvent> teardown = Events.ofDeployment(events, destroyId);
        DeploymentRequested requested = Events.only(teardown, DeploymentRequested.class);
        assertThat(requested.getOperation()).isEqualTo(DeploymentOperation.DESTROY);
        assertThat(requested.getRequestedBy()).isEqualTo("erin");
        assertThat(Events.only(teardown, io.dharma.events.DeploymentPlanned.class).getToDestroy()).isEqualTo(4);
        assertThat(Events.changes(teardown)).extracting(c -> c.getAction().name()).containsOnly("DELETED").hasSize(4);
        assertThat(Events.only(teardown, DeploymentDestroyed.class).getResourcesDestroyed()).isEqualTo(4);
        assertThat(sandbox.names(tenant, blueprintId)).isEmpty();
        assertThat(deployment(destroyId).status()).isEqualTo(DeploymentStatus.DESTROYED);

        Api.Response nothingLeft = api().destroy(blueprintId);
        assertThat(nothingLeft.status()).isEqualTo(409);
        assertThat(nothingLeft.code()).isEqualTo("blueprint.not-deployed");
    }

    @Test
    void destroySupersedesWhatHasNotRun() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("api-destroy-sup", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("api-destroy-sup", "dev", "required", 0, true));
        inputs.publish(v2.submitted(), inputs.iacGenerated(v2), inputs.passed(v2), inputs.withinBudget(v2));
        String second = deploymentIdOf(blueprintId, 2);
        topic.awaitKind(blueprintId, second, DeploymentAwaitingApproval.class);

        String destroyId = api().destroy(blueprintId).text("deploymentId");

        List<DeploymentEvent> events = topic.awaitKind(blueprintId, destroyId, DeploymentDestroyed.class);
        assertThat(Events.kinds(events, second)).containsExactly(
                "DeploymentRequested", "DeploymentPlanning", "DeploymentPlanned", "DeploymentAwaitingApproval", "DeploymentBlocked");
        assertThat(deployment(second).statusReason()).isEqualTo("superseded: a destroy of the blueprint was requested");
        assertThat(sandbox.names(tenant, blueprintId)).isEmpty();
    }

    @Test
    void destroyOfUnknownOrUndeployedBlueprint() {
        Api.Response unknown = api().destroy(newBlueprintId());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("blueprint.not-found");

        String blueprintId = newBlueprintId();
        awaitingApproval(blueprintId, "api-undeployed");
        Api.Response undeployed = api().destroy(blueprintId);
        assertThat(undeployed.status()).isEqualTo(409);
        assertThat(undeployed.code()).isEqualTo("blueprint.not-deployed");
    }

    @Test
    void otherTenantsSeeNothing() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-tenant");
        Api stranger = api().forTenant("other-" + tenant);

        for (Api.Response response : List.of(stranger.approve(deploymentId, "mine"),
                stranger.reject(deploymentId, "mine"), stranger.retry(deploymentId))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("deployment.not-found");
        }
        assertThat(stranger.destroy(blueprintId).code()).isEqualTo("blueprint.not-found");
        assertThat(deployment(deploymentId).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
    }

    @Test
    void badRequests() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-bad");

        Api.Response notAnId = api().approve("not-a-uuid", null);
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.code()).isEqualTo("deployment.not-found");
        Api.Response longComment = api().approve(deploymentId, "x".repeat(2001));
        assertThat(longComment.status()).isEqualTo(400);
        assertThat(longComment.code()).isEqualTo("deployment.invalid-comment");
        Api.Response malformed = api().post("/api/v1/deployments/" + deploymentId + "/approve", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("request.malformed");
        assertThat(deployment(deploymentId).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
    }

    @Test
    void callersAuthenticateAndHoldTheRoleOfTheOperation() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-auth");

        Api.Response anonymous = api().anonymous().approve(deploymentId, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.code()).isEqualTo("auth.unauthenticated");
        assertThat(api().anonymous().destroy(blueprintId).status()).isEqualTo(401);

        Api developer = api().as("dev-only").withRoles(Set.of("developer"));
        Api.Response notAnApprover = developer.approve(deploymentId, "ship it");
        assertThat(notAnApprover.status()).isEqualTo(403);
        assertThat(notAnApprover.contentType()).startsWith("application/problem+json");
        assertThat(notAnApprover.code()).isEqualTo("auth.forbidden");
        assertThat(developer.reject(deploymentId, "no").code()).isEqualTo("auth.forbidden");
        assertThat(api().withRoles(Set.of("viewer")).destroy(blueprintId).code()).isEqualTo("auth.forbidden");
        assertThat(api().withRoles(Set.of("approver")).retry(deploymentId).code()).isEqualTo("auth.forbidden");
        assertThat(deployment(deploymentId).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);

        Api.Response approver = api().as("approver-only").withRoles(Set.of("approver")).approve(deploymentId, null);
        assertThat(approver.status()).isEqualTo(202);
        assertThat(approver.text("decidedBy")).as("the token's user").isEqualTo("approver-only");
    }

    @Test
    void inProdTheSubmitterCannotApproveItsOwnDeployment() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-four-eyes");

        Api.Response own = api().approve(deploymentId, "my own");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.code()).isEqualTo("deployment.four-eyes");
        assertThat(own.text("detail")).contains("alice", "submitted", "prod", "second person");
        assertThat(api().asPlatformAdmin().approve(deploymentId, null).code())
                .as("not even as platform-admin").isEqualTo("deployment.four-eyes");
        assertThat(deployment(deploymentId).status()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);

        Api.Response other = api().as("bob").approve(deploymentId, "four eyes");
        assertThat(other.status()).isEqualTo(202);
        assertThat(other.text("decidedBy")).isEqualTo("bob");
        topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
    }

    @Test
    void outsideFourEyesEnvironmentsTheSubmitterMayApprove() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1,
                TestBlueprints.small("api-own-dev", "dev", "required", 0, false), "alice");
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String deploymentId = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, deploymentId, DeploymentAwaitingApproval.class);

        Api.Response own = api().approve(deploymentId, null);

        assertThat(own.status()).isEqualTo(202);
        assertThat(own.text("decidedBy")).isEqualTo("alice");
    }

    @Test
    void inProdADestroyWaitsForTheApprovalOfSomeoneElse() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-destroy-prod");
        assertThat(api().as("bob").approve(deploymentId, null).status()).isEqualTo(202);
        topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);

        Api.Response destroy = api().as("erin").destroy(blueprintId);

        assertThat(destroy.status()).isEqualTo(202);
        assertThat(destroy.text("operation")).isEqualTo("DESTROY");
        assertThat(destroy.text("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(destroy.text("requestedBy")).isEqualTo("erin");
        assertThat(destroy.text("statusReason")).contains("four eyes", "erin");
        String destroyId = destroy.text("deploymentId");
        List<DeploymentEvent> asked = topic.awaitKind(blueprintId, destroyId, DeploymentAwaitingApproval.class);
        assertThat(Events.kinds(asked, destroyId)).containsExactly("DeploymentRequested", "DeploymentAwaitingApproval");
        assertThat(api().destroy(blueprintId).text("deploymentId")).as("the waiting destroy is returned").isEqualTo(destroyId);
        assertThat(sandbox.names(tenant, blueprintId)).as("nothing torn down yet").hasSize(3);

        Api.Response own = api().as("erin").approve(destroyId, null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("deployment.four-eyes");
        assertThat(own.text("detail")).contains("erin", "destroy");

        Api.Response approved = api().as("frank").approve(destroyId, "decommissioned");
        assertThat(approved.status()).isEqualTo(202);
        assertThat(approved.text("status")).isEqualTo("REQUESTED");
        assertThat(approved.text("decidedBy")).isEqualTo("frank");
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, destroyId, DeploymentDestroyed.class);
        assertThat(Events.kinds(events, destroyId)).startsWith("DeploymentRequested", "DeploymentAwaitingApproval",
                "DeploymentApproved", "DeploymentPlanning");
        assertThat(sandbox.names(tenant, blueprintId)).isEmpty();
    }

    @Test
    void inProdARejectedDestroyLeavesTheStack() {
        String blueprintId = newBlueprintId();
        String deploymentId = awaitingApproval(blueprintId, "api-destroy-rej");
        assertThat(api().as("bob").approve(deploymentId, null).status()).isEqualTo(202);
        topic.awaitKind(blueprintId, deploymentId, DeploymentSucceeded.class);
        String destroyId = api().as("erin").destroy(blueprintId).text("deploymentId");

        Api.Response rejected = api().as("frank").reject(destroyId, "still in use");

        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        topic.awaitKind(blueprintId, destroyId, DeploymentRejected.class);
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(3);
        Api.Response again = api().as("erin").destroy(blueprintId);
        assertThat(again.text("deploymentId")).as("a new destroy request").isNotEqualTo(destroyId);
        assertThat(again.text("status")).isEqualTo("AWAITING_APPROVAL");
    }

    /** A prod blueprint of three resources submitted by alice (the default caller), waiting for approval; its deployment id. */
    private String awaitingApproval(String blueprintId, String name) {
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small(name, "prod", "auto", 1, false),
                "alice");
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String deploymentId = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, deploymentId, DeploymentAwaitingApproval.class);
        return deploymentId;
    }

    private void awaitLatestVersion(String blueprintId, int version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> db.select(io.dharma.orchestrator.db.Tables.BLUEPRINT.LATEST_VERSION)
                .from(io.dharma.orchestrator.db.Tables.BLUEPRINT)
                .where(io.dharma.orchestrator.db.Tables.BLUEPRINT.BLUEPRINT_ID.eq(blueprintId))
                .fetchOne(io.dharma.orchestrator.db.Tables.BLUEPRINT.LATEST_VERSION), latest -> latest != null && latest >= version);
    }
}
