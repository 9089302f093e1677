package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.ResourceChangeAction;
import io.dharma.streams.views.DeploymentDetails;
import io.dharma.streams.views.DeploymentStatus;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.PlanSummary;
import io.dharma.streams.views.ResourceView;
import io.dharma.streams.views.StatusChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DeploymentViewTest {

    @RegisterExtension
    final TopologyFixture topology = new TopologyFixture();
    private final LifecycleStory story = new LifecycleStory();

    @Test
    void followsADeploymentToSucceeded() {
        topology.pipe(story.requested(4), story.planning(5), story.planned(6, 2, 1, 0), story.applying(7),
                story.resourceChanged(8, "aws_s3_bucket.assets", ResourceChangeAction.CREATED, "arn:bucket"),
                story.resourceChanged(9, "aws_instance.web", ResourceChangeAction.UPDATED, "i-123"),
                story.succeeded(10, 2));

        DeploymentView view = topology.deployment(story.deploymentId);

        assertThat(view.getStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(view.getTrackingId()).isEqualTo(story.trackingId);
        assertThat(view.getTenantId()).isEqualTo(story.tenantId);
        assertThat(view.getOperation()).isEqualTo("APPLY");
        assertThat(view.getPlan()).isEqualTo(new PlanSummary(2, 1, 0));
        assertThat(view.getHistory()).extracting(StatusChange::getStatus).containsExactly(
                DeploymentStatus.REQUESTED, DeploymentStatus.PLANNING, DeploymentStatus.PLANNED,
                DeploymentStatus.APPLYING, DeploymentStatus.SUCCEEDED);
        assertThat(view.getHistory()).extracting(StatusChange::getOccurredAt).containsExactly(
                story.time(4), story.time(5), story.time(6), story.time(7), story.time(10));
        assertThat(view.getResources()).containsOnlyKeys("aws_s3_bucket.assets", "aws_instance.web");
        ResourceView web = view.getResources().get("aws_instance.web");
        assertThat(web.getLastAction()).isEqualTo("UPDATED");
        assertThat(web.getProviderId()).isEqualTo("i-123");
        assertThat(web.getResourceType()).isEqualTo("aws_instance");
        assertThat(web.getChangedAt()).isEqualTo(story.time(9));
    }

    @Test
    void changesOfOneMillisecondKeepTheOrderTheOrchestratorPublishedThemIn() {
        topology.pipe(story.requested(4), story.planning(5), story.planned(6, 2, 0, 0), story.awaitingApproval(6));

        assertThat(topology.deployment(story.deploymentId).getStatus()).isEqualTo(DeploymentStatus.AWAITING_APPROVAL);
    }

    @Test
    void theTenantIndexListsTheDeploymentUnderItsCurrentStatusOnly() {
        topology.pipe(story.requested(4), story.applying(7));
        assertThat(indexedStoreKeys(DeploymentStatus.APPLYING)).containsExactly(story.deploymentId);

        topology.pipe(story.succeeded(10, 1));

        assertThat(indexedStoreKeys(null)).containsExactly(story.deploymentId);
        assertThat(indexedStoreKeys(DeploymentStatus.SUCCEEDED)).containsExactly(story.deploymentId);
        assertThat(indexedStoreKeys(DeploymentStatus.APPLYING)).isEmpty();
        assertThat(topology.indexed(DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE, TenantIndex.deploymentPrefix("other-tenant", null)))
                .isEmpty();
    }

    private java.util.List<String> indexedStoreKeys(DeploymentStatus status) {
        return topology.indexed(DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE, TenantIndex.deploymentPrefix(story.tenantId, status))
                .stream().map(entry -> entry.value).toList();
    }

    @Test
    void theBlueprintIndexListsTheTenantsDeploymentsOfThatBlueprintOnly() {
        LifecycleStory otherBlueprint = new LifecycleStory(story.tenantId);
        topology.pipe(story.requested(4), otherBlueprint.requested(4), story.succeeded(10, 1));

        assertThat(topology.indexed(DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE,
                TenantIndex.blueprintDeploymentPrefix(story.tenantId, story.blueprintId)))
                .extracting(entry -> entry.value).containsExactly(story.deploymentId);
        assertThat(topology.indexed(DharmaTopology.DEPLOYMENTS_BY_TENANT_STORE,
                TenantIndex.blueprintDeploymentPrefix("other-tenant", story.blueprintId))).isEmpty();
        assertThat(indexedStoreKeys(null)).containsExactlyInAnyOrder(story.deploymentId, otherBlueprint.deploymentId);
    }

    @Test
    void keepsWhatTheEventsSayOfWhoAskedWhoDecidedAndHowItEnded() {
        topology.pipe(story.requested(4), story.awaitingApproval(5), story.approved(6), story.planning(7),
                story.planned(8, 1, 0, 0), story.applying(9), story.succeeded(10, 3));

        DeploymentDetails details = topology.deployment(story.deploymentId).getDetails();

        assertThat(details.getStatusReason()).as("approving keeps why approval was needed").isEqualTo("approval required");
        assertThat(details.getDecidedBy()).isEqualTo("alice");
        assertThat(details.getDecisionComment()).isNull();
        assertThat(details.getExecutor()).isEqualTo("sandbox");
        assertThat(details.getRequestedBy()).isNull();
        assertThat(details.getAttempt()).isEqualTo(1);
        assertThat(details.getResourcesChanged()).isEqualTo(3);
    }

    @Test
    void aRetryIsTheNextAttemptByWhoeverAskedAndClearsTheFailure() {
        topology.pipe(story.requested(4), story.planning(5), story.failed(6, 1, "web", "quota exceeded"));
        DeploymentDetails failed = topology.deployment(story.deploymentId).getDetails();
        assertThat(failed.getFailedResource()).isEqualTo("web");
        assertThat(failed.getError()).isEqualTo("quota exceeded");

        topology.pipe(story.retried(20, 2, "carol"));

        DeploymentView retried = topology.deployment(story.deploymentId);
        assertThat(retried.getStatus()).isEqualTo(DeploymentStatus.REQUESTED);
        assertThat(retried.getDetails().getAttempt()).isEqualTo(2);
        assertThat(retried.getDetails().getRequestedBy()).isEqualTo("carol");
        assertThat(retried.getDetails().getError()).isNull();
        assertThat(retried.getDetails().getFailedResource()).isNull();
    }

    @Test
    void detailsFollowTheHistoryWhateverTheArrivalOrder() {
        topology.pipe(story.requested(4), story.rejected(6), story.awaitingApproval(5));

        DeploymentDetails details = topology.deployment(story.deploymentId).getDetails();
        assertThat(details.getDecidedBy()).isEqualTo("bob");
        assertThat(details.getDecisionComment()).isEqualTo("too expensive");
        assertThat(details.getStatusReason()).isEqualTo("approval required");
    }

    @Test
    void aBlockedDeploymentSaysWhyAsTheOrchestratorDoes() {
        topology.pipe(story.requested(4), story.blocked(5));
        assertThat(topology.deployment(story.deploymentId).getDetails().getStatusReason())
                .isEqualTo("GUARDRAILS: public bucket");

        LifecycleStory next = story.nextVersion();
        topology.pipe(next.requested(4), next.superseded(4));
        DeploymentView superseded = topology.deployment(next.deploymentId);
        assertThat(superseded.getStatus()).isEqualTo(DeploymentStatus.BLOCKED);
        assertThat(superseded.getDetails().getStatusReason()).isEqualTo("superseded: a destroy of the blueprint was requested");
    }

    @Test
    void redeliveredEventsDoNotDoubleCount() {
        DeploymentEvent changed = story.resourceChanged(8, "aws_instance.web", ResourceChangeAction.CREATED, "i-1");
        DeploymentEvent applying = story.applying(7);
        topology.pipe(story.requested(4), applying, changed, applying, changed, story.succeeded(10, 1));

        DeploymentView view = topology.deployment(story.deploymentId);

        assertThat(view.getHistory()).extracting(StatusChange::getStatus).containsExactly(
                DeploymentStatus.REQUESTED, DeploymentStatus.APPLYING, DeploymentStatus.SUCCEEDED);
        assertThat(view.getResources()).hasSize(1);
    }

    @Test
    void aLateEventTakesItsPlaceInHistoryWithoutChangingTheCurrentStatus() {
        topology.pipe(story.requested(4), story.succeeded(10, 1), story.applying(7), story.planned(6, 1, 0, 0));

        DeploymentView view = topology.deployment(story.deploymentId);

        assertThat(view.getStatus()).isEqualTo(DeploymentStatus.SUCCEEDED);
        assertThat(view.getHistory()).extracting(StatusChange::getStatus).containsExactly(
                DeploymentStatus.REQUESTED, DeploymentStatus.PLANNED, DeploymentStatus.APPLYING,
                DeploymentStatus.SUCCEEDED);
        assertThat(view.getPlan()).isEqualTo(new PlanSummary(1, 0, 0));
    }

    @Test
    void aResourceKeepsItsLatestChangeWhateverTheArrivalOrder() {
        topology.pipe(story.requested(4),
                story.resourceChanged(12, "aws_instance.web", ResourceChangeAction.DELETED, null),
                story.resourceChanged(8, "aws_instance.web", ResourceChangeAction.CREATED, "i-9"));

        ResourceView web = topology.deployment(story.deploymentId).getResources().get("aws_instance.web");

        assertThat(web.getLastAction()).isEqualTo("DELETED");
        assertThat(web.getChangedAt()).isEqualTo(story.time(12));
        assertThat(topology.deployment("dep-unknown")).isNull();
    }
}
