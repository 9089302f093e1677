package io.dharma.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.TerraformFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The results stores keep each version's events as published, keyed by their query key. */
class ResultsStoresTest {

    @RegisterExtension
    final TopologyFixture topology = new TopologyFixture();
    private final LifecycleStory story = new LifecycleStory();

    @Test
    void keepsTheEventsOfEachVersionUnderBlueprintAndVersion() {
        IacEvent iac = withFiles(story.iacGenerated(1), "hcl/main.tf", "resource \"aws_s3_bucket\" \"a\" {}\n");
        GuardrailsEvaluated verdict = story.guardrails(2, GuardrailOutcome.PASSED_WITH_WARNINGS);
        CostEstimated cost = story.cost(3, "146.0000");
        LifecycleStory next = story.nextVersion();
        CostEstimated nextCost = next.cost(3, "12.5000");

        topology.pipe(story.submitted(), iac, verdict, cost, next.submitted(), nextCost);

        String key = DharmaTopology.resultKey(story.blueprintId, story.version);
        assertThat(topology.<IacEvent>stored(DharmaTopology.IAC_STORE, key)).isEqualTo(iac);
        assertThat(topology.<GuardrailsEvaluated>stored(DharmaTopology.VERDICTS_STORE, key)).isEqualTo(verdict);
        CostEstimated stored = topology.stored(DharmaTopology.COSTS_STORE, key);
        assertThat(stored).isEqualTo(cost);
        assertThat(stored.getTotalMonthly().scale()).isEqualTo(4);
        assertThat(topology.<CostEstimated>stored(DharmaTopology.COSTS_STORE,
                DharmaTopology.resultKey(next.blueprintId, next.version)).getTotalMonthly())
                .isEqualTo(new BigDecimal("12.5000"));
        assertThat(topology.<IacEvent>stored(DharmaTopology.IAC_STORE,
                DharmaTopology.resultKey(next.blueprintId, next.version))).isNull();
    }

    @Test
    void aRedeliveredEventChangesNothingAndARegenerationReplacesTheResult() {
        IacEvent first = withFiles(story.iacGenerated(1), "hcl/main.tf", "a\n");
        IacEvent again = withFiles(story.iacGenerated(5), "hcl/main.tf", "b\n");
        topology.pipe(story.submitted(), first, first);
        String key = DharmaTopology.resultKey(story.blueprintId, story.version);
        assertThat(topology.<IacEvent>stored(DharmaTopology.IAC_STORE, key)).isEqualTo(first);

        topology.pipe(again);
        assertThat(topology.<IacEvent>stored(DharmaTopology.IAC_STORE, key)).isEqualTo(again);
    }

    @Test
    void keepsTheLastPlanOfEachDeploymentAndNothingElseOfIt() {
        DeploymentEvent planned = story.planned(6, 2, 1, 0);
        topology.pipe(story.submitted(), story.requested(4), story.planning(5));
        assertThat(topology.<DeploymentEvent>stored(DharmaTopology.PLANS_STORE, story.deploymentId)).isNull();

        topology.pipe(planned, story.applying(7), story.succeeded(10, 2));

        assertThat(topology.<DeploymentEvent>stored(DharmaTopology.PLANS_STORE, story.deploymentId)).isEqualTo(planned);
    }

    private static IacEvent withFiles(IacEvent event, String path, String content) {
        IacGenerated generated = IacGenerated.newBuilder((IacGenerated) event.getPayload())
                .setFiles(List.of(TerraformFile.newBuilder().setPath(path).setContent(content).build()))
                .build();
        return IacEvent.newBuilder(event).setPayload(generated).build();
    }
}
