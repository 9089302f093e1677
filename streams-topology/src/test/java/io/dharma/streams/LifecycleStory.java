package io.dharma.streams;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.events.BlockReason;
import io.dharma.events.BlockReasonKind;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.BudgetStatus;
import io.dharma.events.Cloud;
import io.dharma.events.CostEstimated;
import io.dharma.events.DeploymentApplying;
import io.dharma.events.DeploymentApproved;
import io.dharma.events.DeploymentAwaitingApproval;
import io.dharma.events.DeploymentBlocked;
import io.dharma.events.DeploymentDestroyed;
import io.dharma.events.DeploymentFailed;
import io.dharma.events.DeploymentRejected;
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
import io.dharma.events.IacGenerationFailed;
import io.dharma.events.ResourceChangeAction;
import io.dharma.events.ResourceChanged;
import io.dharma.events.ResourceObserved;
import io.dharma.testing.ExampleBlueprints;

/**
 * The real events of one blueprint submission of examples/aws-web-app.yaml, each stamped with a
 * time {@code second} seconds after the submission, so tests can choose arrival order freely.
 */
final class LifecycleStory {

    private static final Envelopes GENERATOR = Envelopes.forProducer("generator");
    private static final Envelopes GUARDRAILS = Envelopes.forProducer("guardrails");
    private static final Envelopes COSTING = Envelopes.forProducer("costing");
    private static final Envelopes ORCHESTRATOR = Envelopes.forProducer("orchestrator");
    private static final Envelopes OBSERVER = Envelopes.forProducer("drift-observer");

    final String tenantId;
    final String blueprintId;
    final int version;
    final String trackingId = "trk-" + UUID.randomUUID();
    final String deploymentId = "dep-" + UUID.randomUUID();
    private final Instant start;
    private final BlueprintSubmitted submitted;

    LifecycleStory() {
        this("tenant-" + UUID.randomUUID());
    }

    LifecycleStory(String tenantId) {
        this(tenantId, "bp-" + UUID.randomUUID(), 1);
    }

    private LifecycleStory(String tenantId, String blueprintId, int version) {
        this.tenantId = tenantId;
        this.blueprintId = blueprintId;
        this.version = version;
        this.start = Instant.parse("2026-11-25T10:00:00Z").plusSeconds(100L * (version - 1));
        this.submitted = ExampleBlueprints.submitted("aws-web-app.yaml", tenantId, trackingId, blueprintId, version);
    }

    /** The submission of the next version of the same blueprint, 100 seconds later. */
    LifecycleStory nextVersion() {
        return new LifecycleStory(tenantId, blueprintId, version + 1);
    }

    BlueprintSubmitted submitted() {
        return BlueprintSubmitted.newBuilder(submitted).setEnvelope(at(submitted.getEnvelope(), 0)).build();
    }

    IacEvent iacGenerated(int second) {
        return IacEvent.newBuilder()
                .setEnvelope(at(GENERATOR.reactingTo(submitted.getEnvelope(), "iac"), second))
                .setCloud(Cloud.AWS)
                .setPayload(IacGenerated.newBuilder()
                        .setFiles(List.of()).setContentHash("sha256:iac").setResources(List.of())
                        .setGeneratorVersion("test").build())
                .build();
    }

    IacEvent iacFailed(int second) {
        return IacEvent.newBuilder()
                .setEnvelope(at(GENERATOR.reactingTo(submitted.getEnvelope(), "iac"), second))
                .setCloud(Cloud.AWS)
                .setPayload(IacGenerationFailed.newBuilder()
                        .setReason("unsupported resource kind").setErrors(List.of()).build())
                .build();
    }

    GuardrailsEvaluated guardrails(int second, GuardrailOutcome outcome) {
        return GuardrailsEvaluated.newBuilder()
                .setEnvelope(at(GUARDRAILS.reactingTo(submitted.getEnvelope(), "verdict"), second))
                .setOutcome(outcome).setViolations(List.of()).setPoliciesEvaluated(12).setPolicySetVersion("v1")
                .build();
    }

    CostEstimated cost(int second, String totalMonthly) {
        return CostEstimated.newBuilder()
                .setEnvelope(at(COSTING.reactingTo(submitted.getEnvelope(), "estimate"), second))
                .setCloud(Cloud.AWS).setCurrency("USD").setTotalMonthly(new BigDecimal(totalMonthly))
                .setLineItems(List.of()).setUnpricedCount(0).setCatalogueVersion("test")
                .setBudgetStatus(BudgetStatus.WITHIN).setBudget(new BigDecimal("500.0000")).setComparisons(List.of())
                .build();
    }

    DeploymentEvent requested(int second) {
        return deployment(second, "requested", DeploymentRequested.newBuilder()
                .setOperation(DeploymentOperation.APPLY).setIacContentHash("sha256:iac")
                .setExecutor("sandbox").setRequestedBy(null).build());
    }

    DeploymentEvent blocked(int second) {
        return deployment(second, "blocked", DeploymentBlocked.newBuilder()
                .setReasons(List.of(BlockReason.newBuilder().setKind(BlockReasonKind.GUARDRAILS)
                        .setMessage("public bucket").setPolicyId("no-public-buckets").build()))
                .build());
    }

    DeploymentEvent awaitingApproval(int second) {
        return deployment(second, "awaiting", DeploymentAwaitingApproval.newBuilder()
                .setReason("approval required").setEstimatedMonthly(new BigDecimal("42.0000"))
                .setCurrency("USD").setWarningCount(0).build());
    }

    DeploymentEvent approved(int second) {
        return deployment(second, "approved", DeploymentApproved.newBuilder()
                .setApprover("alice").setComment(null).build());
    }

    DeploymentEvent rejected(int second) {
        return deployment(second, "rejected", DeploymentRejected.newBuilder()
                .setApprover("bob").setComment("too expensive").build());
    }

    DeploymentEvent planning(int second) {
        return deployment(second, "planning", DeploymentPlanning.newBuilder().setAttempt(1).build());
    }

    DeploymentEvent planned(int second, int toAdd, int toChange, int toDestroy) {
        return deployment(second, "planned", DeploymentPlanned.newBuilder()
                .setToAdd(toAdd).setToChange(toChange).setToDestroy(toDestroy).setActions(List.of()).build());
    }

    DeploymentEvent applying(int second) {
        return deployment(second, "applying", DeploymentApplying.newBuilder().setAttempt(1).build());
    }

    DeploymentEvent resourceChanged(int second, String address, ResourceChangeAction action, String providerId) {
        return resourceChanged(second, address, action, providerId, Map.of());
    }

    /** A change of the resource at {@code address} ({@code <type>.<name>}) leaving {@code attributes}. */
    DeploymentEvent resourceChanged(int second, String address, ResourceChangeAction action, String providerId,
                                    Map<String, String> attributes) {
        String[] parts = address.split("\\.");
        return deployment(second, "changed-" + address + "-" + action + "-" + second, ResourceChanged.newBuilder()
                .setResourceType(parts[0]).setResourceName(parts[1]).setAddress(address)
                .setAction(action).setProviderId(providerId).setAttributes(attributes).setError(null).build());
    }

    /** The deployment run again after a failure, as the orchestrator's retry publishes it. */
    DeploymentEvent retried(int second, int attempt, String user) {
        return deployment(second, "retry-" + attempt, DeploymentRequested.newBuilder()
                .setOperation(DeploymentOperation.APPLY).setIacContentHash("sha256:iac")
                .setExecutor("sandbox").setRequestedBy(user).build());
    }

    DeploymentEvent failed(int second, int attempt, String failedResource, String error) {
        return deployment(second, "failed-" + attempt, DeploymentFailed.newBuilder()
                .setFailedResource(failedResource).setError(error).setAttempts(attempt).build());
    }

    DeploymentEvent planning(int second, int attempt) {
        return deployment(second, "planning-" + attempt, DeploymentPlanning.newBuilder().setAttempt(attempt).build());
    }

    /** Ended before it ran: a newer version or a destroy came first. */
    DeploymentEvent superseded(int second) {
        return deployment(second, "superseded", DeploymentBlocked.newBuilder()
                .setReasons(List.of(BlockReason.newBuilder().setKind(BlockReasonKind.SUPERSEDED)
                        .setMessage("superseded: a destroy of the blueprint was requested").setPolicyId(null).build()))
                .build());
    }

    DeploymentEvent destroyed(int second, int resourcesDestroyed) {
        return deployment(second, "destroyed", DeploymentDestroyed.newBuilder()
                .setResourcesDestroyed(resourcesDestroyed).build());
    }

    /** What the drift observer reports for the resource at {@code address} at {@code second}; a fresh eventId each call. */
    ResourceObserved observed(int second, String address, boolean exists, Map<String, String> attributes) {
        String[] parts = address.split("\\.");
        return ResourceObserved.newBuilder()
                .setEnvelope(at(OBSERVER.originating(tenantId, trackingId, blueprintId, version), second))
                .setDeploymentId(deploymentId)
                .setResourceType(parts[0]).setResourceName(parts[1])
                .setProviderId(null)
                .setExists(exists)
                .setAttributes(exists ? attributes : Map.of())
                .setObservedAt(time(second))
                .build();
    }

    DeploymentEvent succeeded(int second, int resourcesChanged) {
        return deployment(second, "succeeded", DeploymentSucceeded.newBuilder()
                .setResourcesChanged(resourcesChanged).setOutputs(Map.of()).build());
    }

    private DeploymentEvent deployment(int second, String reactionKey, Object payload) {
        return DeploymentEvent.newBuilder()
                .setEnvelope(at(ORCHESTRATOR.reactingTo(submitted.getEnvelope(), deploymentId + reactionKey), second))
                .setDeploymentId(deploymentId)
                .setPayload(payload)
                .build();
    }

    Instant time(int second) {
        return start.plusSeconds(second);
    }

    private Envelope at(Envelope envelope, int second) {
        return Envelope.newBuilder(envelope).setOccurredAt(time(second)).build();
    }
}
