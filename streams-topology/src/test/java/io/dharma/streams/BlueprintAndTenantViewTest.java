package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.GuardrailOutcome;
import io.dharma.streams.views.BlueprintView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BlueprintAndTenantViewTest {

    @RegisterExtension
    final TopologyFixture topology = new TopologyFixture();

    @Test
    void blueprintShowsItsLatestVersionAndLastDeployment() {
        LifecycleStory v1 = new LifecycleStory();
        LifecycleStory v2 = v1.nextVersion();
        deployToSuccess(v1);
        topology.pipe(v2.submitted(), v2.iacGenerated(1));

        BlueprintView blueprint = topology.blueprint(v1.blueprintId);

        assertThat(blueprint.getLatestVersion()).isEqualTo(2);
        assertThat(blueprint.getLatestTrackingId()).isEqualTo(v2.trackingId);
        assertThat(blueprint.getStatus()).isEqualTo("IAC_GENERATED");
        assertThat(blueprint.getLastDeploymentId()).isEqualTo(v1.deploymentId);
        assertThat(blueprint.getLastDeploymentVersion()).isEqualTo(1);
        assertThat(blueprint.getLastDeploymentStatus()).isEqualTo("SUCCEEDED");
        assertThat(blueprint.getTenantId()).isEqualTo(v1.tenantId);
        assertThat(blueprint.getDeployedVersion()).isEqualTo(1);
        assertThat(blueprint.getDeployedMonthly()).isEqualByComparingTo("9.99");
    }

    @Test
    void aLateEventOfAnOlderVersionDoesNotOverrideTheLatestStatus() {
        LifecycleStory v1 = new LifecycleStory();
        LifecycleStory v2 = v1.nextVersion();
        topology.pipe(v1.submitted(), v1.requested(4), v2.submitted(), v1.succeeded(10, 0));

        BlueprintView blueprint = topology.blueprint(v1.blueprintId);

        assertThat(blueprint.getLatestVersion()).isEqualTo(2);
        assertThat(blueprint.getStatus()).isEqualTo("SUBMITTED");
        assertThat(blueprint.getLastDeploymentStatus()).isEqualTo("SUCCEEDED");
    }

    @Test
    void twoVersionsWhoseEventsInterleaveGiveTheLatestVersionAndTheDeployedOne() {
        LifecycleStory v1 = new LifecycleStory();
        LifecycleStory v2 = v1.nextVersion();
        topology.pipe(v2.submitted(), v1.submitted(), v1.cost(3, "9.9900"), v2.cost(3, "20.0000"),
                v2.requested(4), v1.requested(4), v2.planning(5), v1.succeeded(10, 1), v2.applying(7));

        BlueprintView blueprint = topology.blueprint(v1.blueprintId);

        assertThat(blueprint.getLatestVersion()).isEqualTo(2);
        assertThat(blueprint.getLatestTrackingId()).isEqualTo(v2.trackingId);
        assertThat(blueprint.getStatus()).isEqualTo("APPLYING");
        assertThat(blueprint.getLastDeploymentId()).isEqualTo(v2.deploymentId);
        assertThat(blueprint.getLastDeploymentStatus()).isEqualTo("APPLYING");
        assertThat(blueprint.getDeployedVersion()).isEqualTo(1);
        assertThat(blueprint.getDeployedMonthly()).isEqualByComparingTo("9.99");
        assertThat(topology.tenantSummary(v1.tenantId).getBlueprintsByStatus()).isEqualTo(Map.of("APPLYING", 1L));
        assertThat(topology.tenantSummary(v1.tenantId).getDeployedMonthly()).isEqualByComparingTo("9.99");
    }

    @Test
    void tenantSummaryCountsBlueprintsByTheirCurrentStatus() {
        LifecycleStory deployed = new LifecycleStory();
        LifecycleStory blocked = new LifecycleStory(deployed.tenantId);
        LifecycleStory pending = new LifecycleStory(deployed.tenantId);
        LifecycleStory otherTenant = new LifecycleStory();
        deployToSuccess(deployed);
        DeploymentEvent block = blocked.blocked(4);
        topology.pipe(blocked.submitted(), blocked.guardrails(2, GuardrailOutcome.BLOCKED), block, block,
                pending.submitted(), pending.submitted(), otherTenant.submitted());

        assertThat(topology.tenantSummary(deployed.tenantId).getBlueprintsByStatus())
                .isEqualTo(Map.of("SUCCEEDED", 1L, "BLOCKED", 1L, "SUBMITTED", 1L));
        assertThat(topology.tenantSummary(otherTenant.tenantId).getBlueprintsByStatus())
                .isEqualTo(Map.of("SUBMITTED", 1L));
        assertThat(topology.tenantSummary(deployed.tenantId).getDeployedMonthly()).isEqualByComparingTo("9.99");
        assertThat(topology.tenantSummary(otherTenant.tenantId).getDeployedMonthly()).isZero();
    }

    @Test
    void deployedCostCountsTheEstimateOfTheDeployedVersionOnlyOnce() {
        LifecycleStory first = new LifecycleStory();
        LifecycleStory second = new LifecycleStory(first.tenantId);
        deployToSuccess(first);
        // the estimate arrives after the deployment succeeded, and is redelivered
        topology.pipe(second.submitted(), second.requested(4), second.succeeded(10, 1),
                second.cost(3, "100.0000"), second.cost(3, "100.0000"));
        assertThat(topology.tenantSummary(first.tenantId).getDeployedMonthly()).isEqualByComparingTo("109.99");

        LifecycleStory redeploy = first.nextVersion();
        topology.pipe(redeploy.submitted(), redeploy.cost(3, "20.0000"), redeploy.requested(4),
                redeploy.succeeded(10, 1));

        assertThat(topology.tenantSummary(first.tenantId).getDeployedMonthly()).isEqualByComparingTo("120.00");
        assertThat(topology.tenantSummary(first.tenantId).getBlueprintsByStatus()).isEqualTo(Map.of("SUCCEEDED", 2L));
        assertThat(topology.blueprint(first.blueprintId).getDeployedMonthly())
                .isEqualTo(new BigDecimal("20.0000"));
    }

    @Test
    void aNewVersionMovesTheBlueprintBetweenCounts() {
        LifecycleStory v1 = new LifecycleStory();
        deployToSuccess(v1);
        topology.pipe(v1.nextVersion().submitted());

        assertThat(topology.tenantSummary(v1.tenantId).getBlueprintsByStatus()).isEqualTo(Map.of("SUBMITTED", 1L));
    }

    private void deployToSuccess(LifecycleStory story) {
        topology.pipe(story.submitted(), story.iacGenerated(1), story.guardrails(2, GuardrailOutcome.PASSED),
                story.cost(3, "9.9900"), story.requested(4), story.planning(5), story.planned(6, 1, 0, 0),
                story.applying(7), story.succeeded(10, 1));
    }
}
