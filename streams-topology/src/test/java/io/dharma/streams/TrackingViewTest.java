package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.ResourceChangeAction;
import io.dharma.streams.views.Stage;
import io.dharma.streams.views.StageKind;
import io.dharma.streams.views.TrackingStatus;
import io.dharma.streams.views.TrackingView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrackingViewTest {

    @RegisterExtension
    final TopologyFixture topology = new TopologyFixture();
    private final LifecycleStory story = new LifecycleStory();

    @Test
    void recordsEveryStageInOrderUpToSucceeded() {
        topology.pipe(story.submitted(), story.iacGenerated(1), story.guardrails(2, GuardrailOutcome.PASSED),
                story.cost(3, "123.4500"), story.requested(4), story.planning(5), story.planned(6, 2, 0, 0),
                story.applying(7),
                story.resourceChanged(8, "aws_s3_bucket.assets", ResourceChangeAction.CREATED, "arn:bucket"),
                story.resourceChanged(9, "aws_instance.web", ResourceChangeAction.CREATED, "i-123"),
                story.succeeded(10, 2));

        TrackingView view = topology.tracking(story.trackingId);

        assertThat(view.getStages()).extracting(Stage::getStatus).containsExactly(
                TrackingStatus.SUBMITTED, TrackingStatus.IAC_GENERATED, TrackingStatus.GUARDRAILS_PASSED,
                TrackingStatus.COST_ESTIMATED, TrackingStatus.REQUESTED, TrackingStatus.PLANNING,
                TrackingStatus.PLANNED, TrackingStatus.APPLYING, TrackingStatus.SUCCEEDED);
        assertThat(view.getStages()).extracting(Stage::getOccurredAt).isSorted();
        assertThat(view.getStatus()).isEqualTo(TrackingStatus.SUCCEEDED);
        assertThat(view.getTenantId()).isEqualTo(story.tenantId);
        assertThat(view.getBlueprintId()).isEqualTo(story.blueprintId);
        assertThat(view.getDeploymentId()).isEqualTo(story.deploymentId);
        assertThat(view.getChangedResources()).containsExactly("aws_s3_bucket.assets", "aws_instance.web");
        assertThat(view.getUpdatedAt()).isEqualTo(story.time(10));
        Stage cost = stageOf(view, StageKind.COST);
        assertThat(cost.getDetail()).containsEntry("totalMonthly", "123.4500").containsEntry("budgetStatus", "WITHIN");
        assertThat(cost.getOccurredAt()).isEqualTo(story.time(3));
        assertThat(stageOf(view, StageKind.GUARDRAILS).getDetail()).containsEntry("outcome", "PASSED");
    }

    @Test
    void blockedPathEndsInDecisionBlocked() {
        topology.pipe(story.submitted(), story.iacGenerated(1), story.guardrails(2, GuardrailOutcome.BLOCKED),
                story.cost(3, "10.0000"), story.blocked(4));

        TrackingView view = topology.tracking(story.trackingId);

        assertThat(view.getStatus()).isEqualTo(TrackingStatus.BLOCKED);
        assertThat(view.getStages()).extracting(Stage::getStatus).containsExactly(
                TrackingStatus.SUBMITTED, TrackingStatus.IAC_GENERATED, TrackingStatus.GUARDRAILS_BLOCKED,
                TrackingStatus.COST_ESTIMATED, TrackingStatus.BLOCKED);
        Stage decision = stageOf(view, StageKind.DECISION);
        assertThat(decision.getDetail()).containsEntry("reasons", "GUARDRAILS");
        assertThat(view.getChangedResources()).isEmpty();
    }

    @Test
    void redeliveredEventsDoNotDoubleCount() {
        DeploymentEvent changed = story.resourceChanged(8, "aws_instance.web", ResourceChangeAction.CREATED, "i-1");
        DeploymentEvent succeeded = story.succeeded(10, 1);
        topology.pipe(story.submitted(), story.requested(4), changed, changed, succeeded, succeeded, story.submitted());

        TrackingView view = topology.tracking(story.trackingId);

        assertThat(view.getStages()).extracting(Stage::getStatus).containsExactly(
                TrackingStatus.SUBMITTED, TrackingStatus.REQUESTED, TrackingStatus.SUCCEEDED);
        assertThat(view.getChangedResources()).containsExactly("aws_instance.web");
    }

    @Test
    void deploymentEventsBeforeTheCostEstimateStillGiveTheLatestStatus() {
        topology.pipe(story.requested(4), story.planning(5), story.planned(6, 1, 0, 0), story.applying(7),
                story.succeeded(10, 1),
                story.cost(3, "42.0000"), story.guardrails(2, GuardrailOutcome.PASSED_WITH_WARNINGS),
                story.iacGenerated(1), story.submitted());

        TrackingView view = topology.tracking(story.trackingId);

        assertThat(view.getStatus()).isEqualTo(TrackingStatus.SUCCEEDED);
        assertThat(view.getStages()).extracting(Stage::getStatus).containsExactly(
                TrackingStatus.SUBMITTED, TrackingStatus.IAC_GENERATED, TrackingStatus.GUARDRAILS_PASSED,
                TrackingStatus.COST_ESTIMATED, TrackingStatus.REQUESTED, TrackingStatus.PLANNING,
                TrackingStatus.PLANNED, TrackingStatus.APPLYING, TrackingStatus.SUCCEEDED);
        assertThat(view.getUpdatedAt()).isEqualTo(story.time(10));
    }

    @Test
    void statusFollowsEachStageAsItArrives() {
        topology.pipe(story.submitted());
        assertThat(topology.tracking(story.trackingId).getStatus()).isEqualTo(TrackingStatus.SUBMITTED);
        topology.pipe(story.iacGenerated(1), story.guardrails(2, GuardrailOutcome.PASSED));
        assertThat(topology.tracking(story.trackingId).getStatus()).isEqualTo(TrackingStatus.GUARDRAILS_PASSED);
        topology.pipe(story.cost(3, "1.0000"), story.requested(4), story.planning(5));
        assertThat(topology.tracking(story.trackingId).getStatus()).isEqualTo(TrackingStatus.PLANNING);
        assertThat(topology.tracking("trk-unknown")).isNull();
    }

    @Test
    void failedGenerationIsTheCurrentStatus() {
        topology.pipe(story.submitted(), story.iacFailed(1));

        TrackingView view = topology.tracking(story.trackingId);

        assertThat(view.getStatus()).isEqualTo(TrackingStatus.IAC_FAILED);
        assertThat(stageOf(view, StageKind.IAC).getDetail()).containsEntry("reason", "unsupported resource kind");
    }

    @Test
    void approvalDecisionsAreStagesInOrder() {
        LifecycleStory approvedStory = new LifecycleStory();
        topology.pipe(story.submitted(), story.cost(3, "42.0000"), story.awaitingApproval(4), story.rejected(20),
                approvedStory.submitted(), approvedStory.awaitingApproval(4), approvedStory.approved(15),
                approvedStory.requested(16));

        TrackingView rejected = topology.tracking(story.trackingId);
        assertThat(rejected.getStatus()).isEqualTo(TrackingStatus.REJECTED);
        assertThat(rejected.getStages()).extracting(Stage::getStatus).containsExactly(
                TrackingStatus.SUBMITTED, TrackingStatus.COST_ESTIMATED, TrackingStatus.AWAITING_APPROVAL,
                TrackingStatus.REJECTED);
        assertThat(rejected.getStages().getLast().getDetail()).containsEntry("approver", "bob");
        assertThat(rejected.getStages().get(2).getDetail()).containsEntry("estimatedMonthly", "42.0000");
        assertThat(topology.tracking(approvedStory.trackingId).getStatus()).isEqualTo(TrackingStatus.REQUESTED);
    }

    @Test
    void orchestratorStagesOfOneMillisecondKeepTheirOrder() {
        LifecycleStory automatic = new LifecycleStory();
        topology.pipe(story.submitted(), story.requested(4), story.planning(5), story.planned(6, 2, 0, 0),
                story.awaitingApproval(6),
                automatic.submitted(), automatic.requested(4), automatic.approved(5), automatic.planning(5));

        assertThat(topology.tracking(story.trackingId).getStatus()).isEqualTo(TrackingStatus.AWAITING_APPROVAL);
        assertThat(topology.tracking(automatic.trackingId).getStatus()).isEqualTo(TrackingStatus.PLANNING);
    }

    private static Stage stageOf(TrackingView view, StageKind kind) {
        return view.getStages().stream().filter(stage -> stage.getKind() == kind).findFirst().orElseThrow();
    }
}
