package io.dharma.streams;

import java.util.Map;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DriftEvent;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.ResourceObserved;
import io.dharma.serde.AvroSerdes;
import io.dharma.streams.views.BlueprintStatusChange;
import io.dharma.streams.views.BlueprintView;
import io.dharma.streams.views.DeploymentView;
import io.dharma.streams.views.DriftView;
import io.dharma.streams.views.ObservedResource;
import io.dharma.streams.views.TenantSummary;
import io.dharma.streams.views.TrackingStep;
import io.dharma.streams.views.TrackingView;
import io.dharma.topics.DharmaTopic;
import org.apache.kafka.common.serialization.Serde;

/**
 * The value serdes of the input and output topics, the store values and the internal repartition
 * topics. Keys are plain strings.
 */
public record StreamsSerdes(
        Serde<BlueprintSubmitted> blueprints,
        Serde<IacEvent> iac,
        Serde<GuardrailsEvaluated> guardrails,
        Serde<CostEstimated> costs,
        Serde<DeploymentEvent> deployments,
        Serde<ResourceObserved> observations,
        Serde<DriftEvent> driftEvents,
        Serde<TrackingView> trackingView,
        Serde<DeploymentView> deploymentView,
        Serde<BlueprintView> blueprintView,
        Serde<TenantSummary> tenantSummary,
        Serde<DriftView> driftView,
        Serde<BlueprintStatusChange> statusChange,
        Serde<TrackingStep> trackingStep,
        Serde<ObservedResource> observedResource) {

    /**
     * Avro serdes in the Confluent wire format: the catalogue's for the public topics, and the same
     * kind for the views; {@code config} holds at least {@code schema.registry.url}. Store values and
     * repartition records are registered under their internal topic's subject.
     */
    public static StreamsSerdes avro(Map<String, ?> config) {
        return new StreamsSerdes(
                DharmaTopic.BLUEPRINTS.valueSerde(config),
                DharmaTopic.IAC.valueSerde(config),
                DharmaTopic.GUARDRAILS.valueSerde(config),
                DharmaTopic.COSTS.valueSerde(config),
                DharmaTopic.DEPLOYMENTS.valueSerde(config),
                DharmaTopic.OBSERVATIONS.valueSerde(config),
                DharmaTopic.DRIFT.valueSerde(config),
                AvroSerdes.specific(TrackingView.class, config, false),
                AvroSerdes.specific(DeploymentView.class, config, false),
                AvroSerdes.specific(BlueprintView.class, config, false),
                AvroSerdes.specific(TenantSummary.class, config, false),
                AvroSerdes.specific(DriftView.class, config, false),
                AvroSerdes.specific(BlueprintStatusChange.class, config, false),
                AvroSerdes.specific(TrackingStep.class, config, false),
                AvroSerdes.specific(ObservedResource.class, config, false));
    }
}
