package io.dharma.orchestrator.events;

import io.dharma.orchestrator.join.VerdictJoin;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.events.IacEvent;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EnvelopeAccess;
import io.dharma.kafka.processing.UnprocessableEventException;
import io.dharma.orchestrator.OrchestratorProperties;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The orchestrator's one consumer (group {@code dharma.orchestrator.consumer-group}, default
 * {@value OrchestratorProperties#DEFAULT_CONSUMER_GROUP}) of the four topics a decision needs. The
 * platform's container runs it over each poll batch in a Kafka transaction that only commits the
 * offsets (the orchestrator emits through its outbox), deduplicates on eventId and dead-letters what
 * cannot be processed.
 */
public class VerdictListener {

    private final VerdictJoin join;

    public VerdictListener(VerdictJoin join) {
        this.join = join;
    }

    @KafkaListener(id = "${dharma.orchestrator.consumer-group:" + OrchestratorProperties.DEFAULT_CONSUMER_GROUP + "}",
            topics = {DharmaTopicNames.BLUEPRINTS, DharmaTopicNames.IAC, DharmaTopicNames.GUARDRAILS, DharmaTopicNames.COSTS},
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, Object> record) {
        String blueprintId = EnvelopeAccess.requireEnvelope(record.value()).getBlueprintId();
        if (!blueprintId.equals(record.key())) {
            throw new UnprocessableEventException("record key " + record.key() + " is not the event's blueprintId "
                    + blueprintId + "; lifecycle topics are keyed by blueprintId");
        }
        switch (record.value()) {
            case BlueprintSubmitted submitted -> join.submitted(submitted, record.topic());
            case IacEvent iac -> join.iac(iac, record.topic());
            case GuardrailsEvaluated guardrails -> join.guardrails(guardrails, record.topic());
            case CostEstimated cost -> join.cost(cost, record.topic());
            default -> throw new UnprocessableEventException(record.value().getClass().getName()
                    + " is not an input of the orchestrator");
        }
    }
}
