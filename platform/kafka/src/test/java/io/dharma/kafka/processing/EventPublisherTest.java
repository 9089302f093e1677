package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailOutcome;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.topics.DharmaTopic;

/** The checks EventPublisher makes before anything reaches Kafka (no broker needed). */
class EventPublisherTest {

    final DefaultKafkaProducerFactory<String, Object> producerFactory = transactionalFactory();
    final EventPublisher events = new EventPublisher(new KafkaTemplate<>(producerFactory));
    final BlueprintSubmitted input = TestEvents.blueprint("bp-1", "shop");
    final GuardrailsEvaluated verdict = GuardrailsEvaluated.newBuilder()
            .setEnvelope(input.getEnvelope())
            .setOutcome(GuardrailOutcome.PASSED)
            .setViolations(List.of())
            .setPoliciesEvaluated(0)
            .build();

    @AfterEach
    void close() {
        producerFactory.destroy();
    }

    @Test
    void refusesAValueTheTopicDoesNotCarry() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> events.emit(DharmaTopic.COSTS, verdict))
                .withMessage("Topic dharma.costs.v1 carries io.dharma.events.CostEstimated, not io.dharma.events.GuardrailsEvaluated");
    }

    @Test
    void refusesAKeyOtherThanTheBlueprintId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> events.emit(DharmaTopic.GUARDRAILS, "bp-2", verdict))
                .withMessage("Topic dharma.guardrails.v1 is keyed by blueprintId bp-1, but the key given was bp-2");
    }

    @Test
    void refusesToEmitOutsideATransaction() {
        assertThatIllegalStateException()
                .isThrownBy(() -> events.emit(DharmaTopic.GUARDRAILS, verdict))
                .withMessageStartingWith("EventPublisher.emit to dharma.guardrails.v1 outside a Kafka transaction");
    }

    @Test
    void needsATransactionalTemplate() {
        DefaultKafkaProducerFactory<String, Object> plain = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventPublisher(new KafkaTemplate<>(plain)));
    }

    private static DefaultKafkaProducerFactory<String, Object> transactionalFactory() {
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"));
        factory.setTransactionIdPrefix("test-");
        return factory;
    }
}
