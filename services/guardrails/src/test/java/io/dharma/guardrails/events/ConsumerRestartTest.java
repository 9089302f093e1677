package io.dharma.guardrails.events;

import io.dharma.guardrails.GuardrailsProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.GuardrailsIntegrationTest;
import io.dharma.guardrails.Submissions;
import io.dharma.testing.TopicProbe;
import io.dharma.topics.DharmaTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The guardrails consumer stopped in the middle of a stream and started again emits exactly one
 * verdict per input, counted by eventId as a read_committed downstream consumer sees them. (The
 * SIGKILL case of the shared machinery is ConsumerCrashTest in platform/kafka.)
 */
class ConsumerRestartTest extends GuardrailsIntegrationTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerRestartTest.class);
    private static final int BLUEPRINTS = 20;
    private static final int VERSIONS = 10;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aConsumerStoppedMidStreamAndRestartedEmitsExactlyOneVerdictPerInput() {
        String tenant = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        List<BlueprintSubmitted> inputs = new ArrayList<>();
        for (int blueprint = 0; blueprint < BLUEPRINTS; blueprint++) {
            String blueprintId = UUID.randomUUID().toString();
            for (int version = 0; version < VERSIONS; version++) {
                inputs.add(Submissions.ofBlueprint(
                        Submissions.submitted(tenant, GuardrailsFixture.example("insecure-demo.yaml")), blueprintId));
            }
        }
        Set<String> trackingIds = inputs.stream().map(i -> i.getEnvelope().getTrackingId()).collect(Collectors.toSet());
        MessageListenerContainer container = listeners.getListenerContainer(GuardrailsProperties.DEFAULT_CONSUMER_GROUP);

        Submissions.send(inputs.toArray(BlueprintSubmitted[]::new));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> verdictsOf(trackingIds).size() >= 10);
        container.stop();
        int committedAtStop = verdictsOf(trackingIds).size();
        container.start();

        await().atMost(Duration.ofSeconds(120)).until(() -> verdictsOf(trackingIds).size() >= inputs.size());
        List<ConsumerRecord<String, GuardrailsEvaluated>> verdicts = verdictsOf(trackingIds);
        LOG.info("{} inputs, {} verdicts committed when the consumer stopped, {} in the end",
                inputs.size(), committedAtStop, verdicts.size());

        assertThat(verdicts).as("one verdict per input").hasSize(inputs.size());
        assertThat(verdicts.stream().map(r -> r.value().getEnvelope().getEventId()).distinct()).hasSize(inputs.size());
        assertThat(verdicts.stream().map(r -> r.value().getEnvelope().getCausationId()).collect(Collectors.toSet()))
                .isEqualTo(inputs.stream().map(i -> i.getEnvelope().getEventId()).collect(Collectors.toSet()));
    }

    private static List<ConsumerRecord<String, GuardrailsEvaluated>> verdictsOf(Set<String> trackingIds) {
        return TopicProbe.onStack().<GuardrailsEvaluated>readAll(DharmaTopic.GUARDRAILS.topicName()).stream()
                .filter(r -> trackingIds.contains(r.value().getEnvelope().getTrackingId()))
                .toList();
    }
}
