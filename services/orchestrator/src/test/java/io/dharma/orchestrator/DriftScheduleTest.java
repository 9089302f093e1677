package io.dharma.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.ResourceObserved;
import io.dharma.orchestrator.drift.DriftSchedule;
import io.dharma.orchestrator.support.Inputs;
import io.dharma.orchestrator.support.ObservationTopic;
import io.dharma.orchestrator.support.TestBlueprints;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The drift observer on its schedule (its own application context, closed after the class so the
 * short interval does not run on under the other tests): deployed stacks are observed round after
 * round with nobody asking.
 */
@TestPropertySource(properties = {    // a subclass's inlined properties override the base class's
        "dharma.orchestrator.drift.enabled=true",
        "dharma.orchestrator.drift.interval=500ms",
        "dharma.orchestrator.drift.initial-delay=0s",
        // Every round publishes again: the schedule is under test here, ObservationsOnChangeTest tests what is published.
        "dharma.orchestrator.drift.heartbeat=1ms"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DriftScheduleTest extends OrchestratorIntegrationTest {

    @Autowired
    private ApplicationContext context;


    @Test
    void deployedStacksAreObservedOnEveryRound() {
        assertThat(context.getBean(DriftSchedule.class).isRunning()).isTrue();
        String blueprintId = newBlueprintId();
        Inputs.Version v1 = inputs.submitted(tenant, blueprintId, 1, TestBlueprints.small("drift-scheduled", "dev", "auto", 0, false));
        inputs.publish(v1.submitted(), inputs.iacGenerated(v1), inputs.passed(v1), inputs.withinBudget(v1));
        topic.awaitKind(blueprintId, deploymentIdOf(blueprintId, 1), DeploymentSucceeded.class);

        // Two rounds: four observations (net and files, twice), at two different times.
        List<ResourceObserved> observed = ObservationTopic.get().await(blueprintId, list -> list.stream()
                .map(ResourceObserved::getObservedAt).distinct().count() >= 2);

        assertThat(observed.size()).isGreaterThanOrEqualTo(4);
        assertThat(observed.subList(0, 4)).extracting(ResourceObserved::getResourceName)
                .containsExactlyInAnyOrder("net", "files", "net", "files");
        assertThat(observed).allSatisfy(observation -> assertThat(observation.getExists()).isTrue());
    }
}
