package io.dharma.costing.events;

import io.dharma.testing.ExampleBlueprints;
import io.dharma.blueprint.events.BlueprintEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dharma.blueprint.Blueprint;
import io.dharma.costing.CostEstimator;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Cloud;
import io.dharma.events.CostEstimated;
import io.dharma.events.CostLineItem;
import io.dharma.events.Envelopes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostEstimatedEventsTest {

    private final CostEstimator estimator = CostEstimator.standard();
    private final CostEstimatedEvents events = new CostEstimatedEvents(Envelopes.forProducer("costing"), estimator,
            new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    @Test
    void submittedEventMapsBackToTheSameBlueprint() {
        BlueprintSubmitted submitted = ExampleBlueprints.submitted("azure-data-platform.yaml", "t1", "trk-1", "bp-1");

        Blueprint blueprint = BlueprintEvents.blueprintOf(submitted);

        assertThat(blueprint.contentHash()).isEqualTo(submitted.getContentHash().substring("sha256:".length()));
    }

    @Test
    void estimateBecomesAnEventThatSurvivesAvroEncoding() throws Exception {
        BlueprintSubmitted submitted = ExampleBlueprints.submitted("aws-web-app.yaml", "t1", "trk-2", "bp-2");

        CostEstimated event = events.of(submitted, estimator.estimate(BlueprintEvents.blueprintOf(submitted)));
        CostEstimated decoded = CostEstimated.fromByteBuffer(event.toByteBuffer());

        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.getCloud()).isEqualTo(Cloud.AWS);
        assertThat(decoded.getCurrency()).isEqualTo("USD");
        assertThat(decoded.getCatalogueVersion()).isEqualTo("2026-11");
        assertThat(decoded.getTotalMonthly()).isEqualTo(new BigDecimal("126.9340"));
        assertThat(decoded.getBudget()).isEqualTo(new BigDecimal("600.0000"));
        assertThat(decoded.getBudgetStatus()).isEqualTo(BudgetStatus.WITHIN);
        assertThat(decoded.getUnpricedCount()).isZero();
        assertThat(decoded.getLineItems()).hasSize(15);
        assertThat(decoded.getLineItems().stream().map(CostLineItem::getPricing)
                .map(pricing -> pricing.getMonthly()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(decoded.getTotalMonthly());
        CostLineItem web = decoded.getLineItems().get(6);
        assertThat(web.getResourceName()).isEqualTo("web");
        assertThat(web.getPricing().getSku()).isEqualTo("t3.small");
        assertThat(web.getPricing().getUnitPrice()).isEqualTo(new BigDecimal("0.0228000000"));
        assertThat(web.getPricing().getQuantity()).isEqualTo(new BigDecimal("1460.000000"));
        assertThat(decoded.getComparisons()).extracting(c -> c.getCloud()).containsExactly(Cloud.AZURE, Cloud.GCP);
    }

    @Test
    void envelopeReactsToTheSubmissionWithADeterministicEventId() {
        BlueprintSubmitted submitted = ExampleBlueprints.submitted("gcp-kubernetes-service.yaml", "t1", "trk-3", "bp-3");
        var estimate = estimator.estimate(BlueprintEvents.blueprintOf(submitted));

        CostEstimated first = events.of(submitted, estimate);
        CostEstimated again = events.of(submitted, estimate);

        assertThat(first.getEnvelope().getCausationId()).isEqualTo(submitted.getEnvelope().getEventId());
        assertThat(first.getEnvelope().getTrackingId()).isEqualTo("trk-3");
        assertThat(first.getEnvelope().getBlueprintId()).isEqualTo("bp-3");
        assertThat(first.getEnvelope().getTenantId()).isEqualTo("t1");
        assertThat(first.getEnvelope().getProducer()).isEqualTo("costing");
        assertThat(again.getEnvelope().getEventId()).isEqualTo(first.getEnvelope().getEventId());
    }

    @Test
    void unpricedLineCarriesItsReasonAndNoPricing() throws Exception {
        BlueprintSubmitted submitted = BlueprintSubmitted.newBuilder(
                        ExampleBlueprints.submitted("insecure-demo.yaml", "t1", "trk-4", "bp-4"))
                .setRegion("ap-south-1")
                .build();

        CostEstimated event = CostEstimated.fromByteBuffer(
                events.of(submitted, estimator.estimate(BlueprintEvents.blueprintOf(submitted))).toByteBuffer());

        assertThat(event.getUnpricedCount()).isEqualTo(6);
        assertThat(event.getTotalMonthly()).isEqualTo(new BigDecimal("0.0000"));
        assertThat(event.getBudgetStatus()).isEqualTo(BudgetStatus.NO_BUDGET);
        assertThat(event.getBudget()).isNull();
        assertThat(event.getLineItems()).filteredOn(line -> line.getPricing() == null)
                .hasSize(6)
                .allSatisfy(line -> assertThat(line.getUnpricedReason()).contains("ap-south-1"));
    }

    @Test
    void eventThatDoesNotMapIsRejectedAsNotRetryable() {
        BlueprintSubmitted example = ExampleBlueprints.submitted("aws-web-app.yaml", "t1", "trk-5", "bp-5");
        List<BlueprintResource> resources = new ArrayList<>(example.getResources());
        resources.set(0, BlueprintResource.newBuilder(resources.get(0)).setProperties("[1, 2]").build());
        BlueprintSubmitted submitted = BlueprintSubmitted.newBuilder(example).setResources(resources).build();

        assertThatThrownBy(() -> BlueprintEvents.blueprintOf(submitted))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("properties of resource 'main' are not a JSON object");
    }
}
