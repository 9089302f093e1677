package io.dharma.orchestrator.support;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.BudgetStatus;
import io.dharma.events.CostEstimated;
import io.dharma.events.Enforcement;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.events.GenerationError;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.events.IacGenerated;
import io.dharma.events.IacGenerationFailed;
import io.dharma.events.PolicyViolation;
import io.dharma.events.Severity;
import io.dharma.events.TerraformFile;
import io.dharma.events.TerraformResource;
import io.dharma.serde.AvroSerializer;
import io.dharma.testing.EmbeddedStack;
import io.dharma.topics.DharmaTopic;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The orchestrator's inputs as the other services emit them: real Avro events with envelopes
 * built through {@link Envelopes}, published to the real topics.
 */
public final class Inputs {

    private static KafkaProducer<String, SpecificRecord> producer;

    private final Envelopes intake = Envelopes.forProducer("intake");
    private final Envelopes generator = Envelopes.forProducer("generator");
    private final Envelopes guardrails = Envelopes.forProducer("guardrails");
    private final Envelopes costing = Envelopes.forProducer("costing");

    /** One submitted version and the verdicts the tests give it. */
    public record Version(BlueprintSubmitted submitted) {

        public String blueprintId() {
            return submitted.getEnvelope().getBlueprintId();
        }

        public int version() {
            return submitted.getEnvelope().getBlueprintVersion();
        }

        public Envelope envelope() {
            return submitted.getEnvelope();
        }
    }

    /** Version {@code version} of {@code blueprint} as intake publishes it (the shared {@link BlueprintEvents} mapping). */
    public Version submitted(String tenant, String blueprintId, int version, Blueprint blueprint) {
        return submitted(tenant, blueprintId, version, blueprint, null);
    }

    /** The same, submitted by the authenticated principal {@code submittedBy} (null: unknown). */
    public Version submitted(String tenant, String blueprintId, int version, Blueprint blueprint, String submittedBy) {
        Envelope envelope = intake.originating(tenant, UUID.randomUUID().toString(), blueprintId, version);
        return new Version(BlueprintEvents.submitted(blueprint, envelope, blueprint.canonicalJson(), "application/json",
                submittedBy));
    }

    public IacEvent iacGenerated(Version version) {
        List<TerraformResource> resources = new ArrayList<>();
        version.submitted().getResources().forEach(resource -> resources.add(TerraformResource.newBuilder()
                .setAddress("aws_resource." + resource.getName().replace('-', '_'))
                .setResourceName(resource.getName())
                .build()));
        return IacEvent.newBuilder()
                .setEnvelope(generator.reactingTo(version.envelope(), "generated"))
                .setCloud(version.submitted().getCloud())
                .setPayload(IacGenerated.newBuilder()
                        .setFiles(List.of(TerraformFile.newBuilder().setPath("main.tf.json").setContent("{}").build()))
                        .setContentHash("sha256:" + "ab".repeat(32))
                        .setResources(resources)
                        .setGeneratorVersion("test")
                        .build())
                .build();
    }

    public IacEvent iacFailed(Version version, String reason) {
        return IacEvent.newBuilder()
                .setEnvelope(generator.reactingTo(version.envelope(), "failed"))
                .setCloud(version.submitted().getCloud())
                .setPayload(IacGenerationFailed.newBuilder()
                        .setReason(reason)
                        .setErrors(List.of(GenerationError.newBuilder().setResourceName("files").setMessage("unsupported").build()))
                        .build())
                .build();
    }

    public GuardrailsEvaluated passed(Version version) {
        return guardrails(version, GuardrailOutcome.PASSED, List.of());
    }

    public GuardrailsEvaluated warned(Version version) {
        return guardrails(version, GuardrailOutcome.PASSED_WITH_WARNINGS,
                List.of(violation("tags.owner", Enforcement.WARN), violation("storage.versioning", Enforcement.WARN)));
    }

    public GuardrailsEvaluated blocked(Version version, String... policyIds) {
        List<PolicyViolation> violations = new ArrayList<>();
        for (String policyId : policyIds) {
            violations.add(violation(policyId, Enforcement.BLOCK));
        }
        violations.add(violation("tags.cost-center", Enforcement.WARN));
        return guardrails(version, GuardrailOutcome.BLOCKED, violations);
    }

    private GuardrailsEvaluated guardrails(Version version, GuardrailOutcome outcome, List<PolicyViolation> violations) {
        return GuardrailsEvaluated.newBuilder()
                .setEnvelope(guardrails.reactingTo(version.envelope(), "evaluated"))
                .setOutcome(outcome)
                .setViolations(violations)
                .setPoliciesEvaluated(12)
                .setPolicySetVersion("test")
                .build();
    }

    private static PolicyViolation violation(String policyId, Enforcement enforcement) {
        return PolicyViolation.newBuilder()
                .setPolicyId(policyId)
                .setTitle("Policy " + policyId)
                .setSeverity(Severity.HIGH)
                .setEnforcement(enforcement)
                .setResourceName("files")
                .setMessage(policyId + " is not satisfied")
                .setRemediation(null)
                .build();
    }

    public CostEstimated cost(Version version, BudgetStatus status, String total) {
        BigDecimal budget = version.submitted().getBudget() == null ? null : version.submitted().getBudget().getMonthlyUsd();
        return CostEstimated.newBuilder()
                .setEnvelope(costing.reactingTo(version.envelope(), "estimated"))
                .setCloud(version.submitted().getCloud())
                .setCurrency("USD")
                .setTotalMonthly(new BigDecimal(total).setScale(4, RoundingMode.HALF_EVEN))
                .setLineItems(List.of())
                .setUnpricedCount(0)
                .setCatalogueVersion("test")
                .setBudgetStatus(status)
                .setBudget(status == BudgetStatus.NO_BUDGET ? null : budget)
                .setComparisons(List.of())
                .build();
    }

    public CostEstimated withinBudget(Version version) {
        return cost(version, BudgetStatus.WITHIN, "123.45");
    }

    /** Publishes the events, in the given order, each to its topic keyed by its blueprintId. */
    public void publish(SpecificRecord... events) {
        for (SpecificRecord event : events) {
            publish(topicOf(event), event);
        }
    }

    public void publishWithKey(DharmaTopic<?> topic, String key, SpecificRecord event) {
        try {
            producer().send(new ProducerRecord<>(topic.topicName(), key, event)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void publish(DharmaTopic<?> topic, SpecificRecord event) {
        String key = ((Envelope) event.get(event.getSchema().getField("envelope").pos())).getBlueprintId();
        publishWithKey(topic, key, event);
    }

    private static DharmaTopic<?> topicOf(SpecificRecord event) {
        return switch (event) {
            case BlueprintSubmitted ignored -> DharmaTopic.BLUEPRINTS;
            case IacEvent ignored -> DharmaTopic.IAC;
            case GuardrailsEvaluated ignored -> DharmaTopic.GUARDRAILS;
            case CostEstimated ignored -> DharmaTopic.COSTS;
            default -> throw new IllegalArgumentException("not an orchestrator input: " + event.getClass());
        };
    }

    private static synchronized KafkaProducer<String, SpecificRecord> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedStack.get().bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class,
                    ProducerConfig.ACKS_CONFIG, "all",
                    "schema.registry.url", EmbeddedStack.get().registryUrl()));
        }
        return producer;
    }
}
