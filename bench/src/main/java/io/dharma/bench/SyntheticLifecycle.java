package io.dharma.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Cloud;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentApplying;
import io.dharma.events.DeploymentEvent;
import io.dharma.events.DeploymentOperation;
import io.dharma.events.DeploymentPlanned;
import io.dharma.events.DeploymentPlanning;
import io.dharma.events.DeploymentRequested;
import io.dharma.events.DeploymentSucceeded;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.topics.DharmaTopicNames;
import org.apache.avro.specific.SpecificRecord;

/**
 * The public events of one blueprint submission that ends deployed, as the services would publish
 * them (real schemas, real envelopes, one second apart): submitted, IaC generated, guardrails
 * passed, cost estimated, then requested, planning, planned, applying, one ResourceChanged per
 * deployed resource, succeeded.
 */
record SyntheticLifecycle(String tenantId, String blueprintId, String trackingId, String deploymentId) {

    private static final Envelopes INTAKE = Envelopes.forProducer("intake");
    private static final Envelopes GENERATOR = Envelopes.forProducer("generator");
    private static final Envelopes GUARDRAILS = Envelopes.forProducer("guardrails");
    private static final Envelopes COSTING = Envelopes.forProducer("costing");
    private static final Envelopes ORCHESTRATOR = Envelopes.forProducer("orchestrator");

    /** How many resources of the blueprint each synthetic deployment creates. */
    static final int CHANGED_RESOURCES = 3;

    /** One event and the topic it belongs on (all keyed by blueprintId). */
    record Published(String topic, SpecificRecord event) {
    }

    static SyntheticLifecycle random(String tenantId) {
        return new SyntheticLifecycle(tenantId, "bp-" + UUID.randomUUID(), "trk-" + UUID.randomUUID(),
                "dep-" + UUID.randomUUID());
    }

    /** Every event of this lifecycle, in the order the services emit them. */
    List<Published> events(Blueprint blueprint, String document, Instant start) {
        Instant t0 = start.truncatedTo(ChronoUnit.MILLIS);
        Envelope submission = at(INTAKE.originating(tenantId, trackingId, blueprintId, 1), t0, 0);
        List<Published> events = new ArrayList<>();
        events.add(new Published(DharmaTopicNames.BLUEPRINTS,
                BlueprintEvents.submitted(blueprint, submission, document, "application/yaml", "bench")));
        events.add(new Published(DharmaTopicNames.IAC, IacEvent.newBuilder()
                .setEnvelope(at(GENERATOR.reactingTo(submission, "iac"), t0, 1))
                .setCloud(Cloud.AWS)
                .setPayload(IacGenerated.newBuilder().setFiles(List.of()).setContentHash("sha256:bench")
                        .setResources(List.of()).setGeneratorVersion("bench").build())
                .build()));
        events.add(new Published(DharmaTopicNames.GUARDRAILS, GuardrailsEvaluated.newBuilder()
                .setEnvelope(at(GUARDRAILS.reactingTo(submission, "verdict"), t0, 2))
                .setOutcome(GuardrailOutcome.PASSED).setViolations(List.of()).setPoliciesEvaluated(12)
                .setPolicySetVersion("bench")
                .build()));
        events.add(new Published(DharmaTopicNames.COSTS, CostEstimated.newBuilder()
                .setEnvelope(at(COSTING.reactingTo(submission, "estimate"), t0, 3))
                .setCloud(Cloud.AWS).setCurrency("USD").setTotalMonthly(new BigDecimal("120.5000"))
                .setLineItems(List.of()).setUnpricedCount(0).setCatalogueVersion("bench")
                .setBudgetStatus(BudgetStatus.WITHIN).setBudget(new BigDecimal("600.0000")).setComparisons(List.of())
                .build()));
        int second = 4;
        events.add(deployment(submission, t0, second++, "requested", DeploymentRequested.newBuilder()
                .setOperation(DeploymentOperation.APPLY).setIacContentHash("sha256:bench")
                .setExecutor("sandbox").setRequestedBy(null).build()));
        events.add(deployment(submission, t0, second++, "planning", DeploymentPlanning.newBuilder().setAttempt(1).build()));
        events.add(deployment(submission, t0, second++, "planned", DeploymentPlanned.newBuilder()
                .setToAdd(CHANGED_RESOURCES).setToChange(0).setToDestroy(0).setActions(List.of()).build()));
        events.add(deployment(submission, t0, second++, "applying", DeploymentApplying.newBuilder().setAttempt(1).build()));
        for (ResourceSpec resource : blueprint.spec().resources().subList(0, CHANGED_RESOURCES)) {
            events.add(deployment(submission, t0, second++, "changed-" + resource.name(), ResourceChanged.newBuilder()
                    .setResourceType(resource.type()).setResourceName(resource.name()).setAddress(null)
                    .setAction(ResourceChangeAction.CREATED)
                    .setProviderId(resource.type() + "-" + UUID.randomUUID())
                    .setAttributes(Map.of("name", resource.name(), "region", blueprint.spec().region()))
                    .setError(null)
                    .build()));
        }
        events.add(deployment(submission, t0, second, "succeeded", DeploymentSucceeded.newBuilder()
                .setResourcesChanged(CHANGED_RESOURCES).setOutputs(Map.of()).build()));
        return events;
    }

    private Published deployment(Envelope submission, Instant t0, int second, String reactionKey, Object payload) {
        return new Published(DharmaTopicNames.DEPLOYMENTS, DeploymentEvent.newBuilder()
                .setEnvelope(at(ORCHESTRATOR.reactingTo(submission, deploymentId + reactionKey), t0, second))
                .setDeploymentId(deploymentId)
                .setPayload(payload)
                .build());
    }

    private static Envelope at(Envelope envelope, Instant t0, int second) {
        return Envelope.newBuilder(envelope).setOccurredAt(t0.plusSeconds(second)).build();
    }
}
