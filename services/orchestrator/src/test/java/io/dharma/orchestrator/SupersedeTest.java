package io.dharma.orchestrator;

import static io.dharma.orchestrator.db.Tables.RECEIVED_EVENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.orchestrator.support.Events;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A newer version supersedes an older one still waiting; an older one never deploys over a newer one. */
class SupersedeTest extends OrchestratorIntegrationTest {

    @Test
    void newerVersionSupersedesOneAwaitingApproval() {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("sup-await", "prod", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String first = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, first, DeploymentAwaitingApproval.class);

        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("sup-await", "prod", "auto", 0, true));
        inputs.publish(v2.submitted());

        List<DeploymentEvent> events = topic.awaitKind(blueprintId, first, DeploymentBlocked.class);
        assertThat(Events.kinds(events, first))
                .containsExactly("DeploymentRequested", "DeploymentPlanning", "DeploymentPlanned", "DeploymentAwaitingApproval", "DeploymentBlocked");
        DeploymentEvent superseded = Events.ofDeployment(events, first).getLast();
        BlockReason reason = ((DeploymentBlocked) superseded.getPayload()).getReasons().getFirst();
        assertThat(reason.getKind()).isEqualTo(BlockReasonKind.SUPERSEDED);
        assertThat(reason.getMessage()).isEqualTo("superseded: version 2 was submitted");
        // It belongs to version 1's tracking, and was caused by version 2's submission.
        assertThat(superseded.getEnvelope().getBlueprintVersion()).isEqualTo(1);
        assertThat(superseded.getEnvelope().getTrackingId()).isEqualTo(v1.envelope().getTrackingId());
        assertThat(superseded.getEnvelope().getCausationId()).isEqualTo(v2.envelope().getEventId());

        assertThat(deployment(first).status()).isEqualTo(io.dharma.orchestrator.state.DeploymentStatus.SUPERSEDED);
        assertThat(api().approve(first, "too late").code()).isEqualTo("deployment.not-awaiting-approval");
    }

    @Test
    void newerVersionSupersedesOneStillJoiningAndLateVerdictsChangeNothing() throws Exception {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("sup-join", "dev", "auto", 0, false));
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("sup-join", "dev", "auto", 0, true));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1));
        inputs.publish(v2.submitted(), inputs.iacGenerated(v2), inputs.passed(v2), inputs.withinBudget(v2));

        String first = deploymentIdOf(blueprintId, 1);
        String second = deploymentIdOf(blueprintId, 2);
        topic.awaitKind(blueprintId, second, DeploymentSucceeded.class);
        inputs.publish(inputs.passed(v1), inputs.withinBudget(v1));   // v1's verdicts, late
        awaitEverythingHandled(blueprintId);

        List<DeploymentEvent> events = topic.events(blueprintId);
        assertThat(Events.kinds(events, first)).containsExactly("DeploymentRequested", "DeploymentBlocked");
        assertThat(Events.only(Events.ofDeployment(events, first), DeploymentBlocked.class).getReasons().getFirst().getMessage())
                .isEqualTo("superseded: version 2 was submitted");
        assertThat(Events.kinds(events, second)).startsWith("DeploymentRequested", "DeploymentApproved", "DeploymentPlanning");
        assertThat(db.fetchCount(RECEIVED_EVENT, RECEIVED_EVENT.BLUEPRINT_ID.eq(blueprintId)
                .and(RECEIVED_EVENT.BLUEPRINT_VERSION.eq(1)))).as("late events are recorded").isEqualTo(4);
    }

    @Test
    void olderVersionArrivingAfterANewerOneNeverDeploys() throws Exception {
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("sup-late", "dev", "auto", 1, false));
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("sup-late", "dev", "auto", 0, false));
        inputs.publish(v2.submitted(), inputs.iacGenerated(v2), inputs.passed(v2), inputs.withinBudget(v2));
        String second = deploymentIdOf(blueprintId, 2);
        topic.awaitKind(blueprintId, second, DeploymentSucceeded.class);

        inputs.publish(inputs.withinBudget(v1), v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1));
        String first = deploymentIdOf(blueprintId, 1);
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, first, DeploymentBlocked.class);
        awaitEverythingHandled(blueprintId);

        events = topic.events(blueprintId);
        assertThat(Events.kinds(events, first)).containsExactly("DeploymentRequested", "DeploymentBlocked");
        assertThat(Events.only(Events.ofDeployment(events, first), DeploymentBlocked.class).getReasons().getFirst().getMessage())
                .isEqualTo("superseded: version 2 is newer");
        // Version 2 has two resources; version 1's subnet never appeared.
        assertThat(sandbox.names(tenant, blueprintId)).containsExactlyInAnyOrder("net", "files");
    }

    @Test
    void newerVersionSupersedesAnApprovedOneWaitingBehindARunningDeployment() {
        String blueprintId = newBlueprintId();
        // v1's second resource is held until v3 has superseded v2, so v1 is still applying however slow the machine.
        sandbox.hold("sup-queue", "files");
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("sup-queue", "dev", "auto", 4, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        String first = deploymentIdOf(blueprintId, 1);
        topic.awaitKind(blueprintId, first, io.dharma.events.ResourceChanged.class);

        // v2 is approved while v1 applies: it waits for the stack. v3 then supersedes it.
        Inputs.Version v2 = inputs.submitted(tenant, blueprintId, 2, TestBlueprints.small("sup-queue", "dev", "auto", 4, true));
        inputs.publish(v2.submitted(), inputs.iacGenerated(v2), inputs.passed(v2), inputs.withinBudget(v2));
        String second = deploymentIdOf(blueprintId, 2);
        topic.awaitKind(blueprintId, second, io.dharma.events.DeploymentApproved.class);
        Inputs.Version v3 = inputs.submitted(tenant, blueprintId, 3, TestBlueprints.small("sup-queue", "dev", "auto", 3, true));
        inputs.publish(v3.submitted(), inputs.iacGenerated(v3), inputs.passed(v3), inputs.withinBudget(v3));
        topic.awaitKind(blueprintId, second, DeploymentBlocked.class);
        sandbox.clearFaults();

        String third = deploymentIdOf(blueprintId, 3);
        List<DeploymentEvent> events = topic.awaitKind(blueprintId, third, DeploymentSucceeded.class);
        assertThat(Events.kinds(events, first)).endsWith("DeploymentSucceeded");
        assertThat(Events.kinds(events, second)).containsExactly("DeploymentRequested", "DeploymentApproved", "DeploymentBlocked");
        // One deployment at a time per stack: v3 plans only after v1 finished.
        List<String> order = events.stream()
                .filter(e -> e.getPayload() instanceof DeploymentSucceeded || e.getPayload() instanceof io.dharma.events.DeploymentPlanning)
                .map(e -> e.getDeploymentId() + ":" + e.getPayload().getClass().getSimpleName())
                .toList();
        assertThat(order).containsExactly(first + ":DeploymentPlanning", first + ":DeploymentSucceeded",
                third + ":DeploymentPlanning", third + ":DeploymentSucceeded");
        assertThat(sandbox.names(tenant, blueprintId)).hasSize(5);
    }
}
