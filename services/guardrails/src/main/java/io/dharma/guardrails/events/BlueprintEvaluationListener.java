package io.dharma.guardrails.events;

import io.dharma.guardrails.GuardrailsProperties;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelopes;
import io.dharma.guardrails.evaluation.PolicyEvaluator;
import io.dharma.guardrails.evaluation.Verdict;
import io.dharma.guardrails.policyset.PolicySet;
import io.dharma.guardrails.policyset.PolicySets;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.topics.DharmaTopic;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Evaluates every submitted blueprint version against its tenant's policy set and emits one
 * {@code GuardrailsEvaluated} on {@code dharma.guardrails.v1}, in the transaction that consumes
 * the input (ADR 0005). The verdict's eventId derives from the input's, so reprocessing a
 * duplicate emits the same id; {@code now} is the submission time, so a replay reaches the same
 * verdict.
 */
public class BlueprintEvaluationListener {

    public static final String PRODUCER = "guardrails";
    static final String REACTION = "evaluated";

    private final PolicySets policySets;
    private final PolicyEvaluator evaluator;
    private final ResourceCatalogue catalogue;
    private final EventPublisher events;
    private final Envelopes envelopes = Envelopes.forProducer(PRODUCER);

    public BlueprintEvaluationListener(PolicySets policySets, PolicyEvaluator evaluator, ResourceCatalogue catalogue,
            EventPublisher events) {
        this.policySets = policySets;
        this.evaluator = evaluator;
        this.catalogue = catalogue;
        this.events = events;
    }

    @KafkaListener(id = "${dharma.guardrails.consumer-group:" + GuardrailsProperties.DEFAULT_CONSUMER_GROUP + "}",
            topics = DharmaTopicNames.BLUEPRINTS,
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, BlueprintSubmitted> record) {
        BlueprintSubmitted submitted = record.value();
        Blueprint blueprint = SubmittedBlueprints.blueprintOf(submitted, catalogue);
        PolicySet policySet = policySets.forTenant(submitted.getEnvelope().getTenantId());
        Verdict verdict = evaluator.evaluate(blueprint, policySet.policies(), submitted.getEnvelope().getOccurredAt());
        events.emit(DharmaTopic.GUARDRAILS, VerdictEvents.of(
                envelopes.reactingTo(submitted.getEnvelope(), REACTION), verdict, policySet.version()));
    }
}
