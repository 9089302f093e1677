package io.dharma.guardrails.bench;

import io.dharma.guardrails.GuardrailsProperties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dharma.blueprint.Blueprint;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.GuardrailsEvaluated;
import io.dharma.guardrails.GuardrailsFixture;
import io.dharma.guardrails.GuardrailsIntegrationTest;
import io.dharma.guardrails.Submissions;
import io.dharma.testing.TopicProbe;
import io.dharma.guardrails.evaluation.Verdict;
import io.dharma.topics.DharmaTopic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Throughput figures, printed, never asserted against a target (speed depends on the machine).
 * Not part of the normal build (the class name does not end in Test); run it with
 * {@code ./mvnw -pl services/guardrails -am test -Dtest=GuardrailsThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GuardrailsThroughputBenchmark extends GuardrailsIntegrationTest {

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private static final List<String> EXAMPLES = List.of("insecure-demo.yaml", "aws-prod-api.yaml", "aws-web-app.yaml",
            "azure-data-platform.yaml", "gcp-kubernetes-service.yaml");

    @Test
    void evaluationAlone() {
        List<Blueprint> blueprints = EXAMPLES.stream().map(GuardrailsFixture::example).toList();
        run(blueprints, 2_000);
        int evaluations = 20_000;
        long started = System.nanoTime();
        int violations = run(blueprints, evaluations);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH guardrails evaluation only: %d evaluations of the 5 examples against %d built-ins "
                + "in %.2f s = %.0f blueprints/s on one thread (%d violations)%n",
                evaluations, GuardrailsFixture.BUILTINS.all().size(), seconds, evaluations / seconds, violations);
        assertThat(violations).isPositive();
    }

    @Test
    void consumerEndToEnd() {
        int count = 2_000;
        String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        List<BlueprintSubmitted> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(Submissions.submitted(tenant, GuardrailsFixture.example(EXAMPLES.get(i % EXAMPLES.size()))));
        }
        Set<String> trackingIds = inputs.stream().map(i -> i.getEnvelope().getTrackingId()).collect(Collectors.toSet());

        MessageListenerContainer container = listeners.getListenerContainer(GuardrailsProperties.DEFAULT_CONSUMER_GROUP);
        container.stop();
        Submissions.send(inputs.toArray(BlueprintSubmitted[]::new));
        long started = System.nanoTime();
        container.start();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() -> TopicProbe.onStack().<GuardrailsEvaluated>readAll(DharmaTopic.GUARDRAILS.topicName()).stream()
                .filter(r -> trackingIds.contains(r.value().getEnvelope().getTrackingId())).count() >= count);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("BENCH guardrails consumer end to end: %d BlueprintSubmitted -> %d committed GuardrailsEvaluated "
                + "in %.2f s = %.0f events/s (input written before the consumer started), one listener thread, one Kafka transaction and one "
                + "policy-set read per event, embedded KRaft broker + PostgreSQL on this machine%n",
                count, count, seconds, count / seconds);
    }

    private static int run(List<Blueprint> blueprints, int evaluations) {
        int violations = 0;
        for (int i = 0; i < evaluations; i++) {
            Verdict verdict = GuardrailsFixture.evaluateWithBuiltins(blueprints.get(i % blueprints.size()));
            violations += verdict.violations().size();
        }
        return violations;
    }
}
