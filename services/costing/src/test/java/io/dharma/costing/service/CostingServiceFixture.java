package io.dharma.costing.service;

import io.dharma.costing.app.CostingApplication;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.TopicProbe;
import io.dharma.testing.TopicWriter;
import io.dharma.topics.DharmaTopicNames;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The costing service as deployed (CostingApplication with costing.yaml), pointed at the embedded stack. */
final class CostingServiceFixture {

    private CostingServiceFixture() {
    }

    /** Command-line arguments: the stack's addresses, fast retries, a free port (for /actuator), plus {@code extra}. */
    static List<String> arguments(String... extra) {
        List<String> args = new ArrayList<>();
        EmbeddedStack.get().springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                "--dharma.kafka.processing.retry.max-attempts=3",
                "--dharma.kafka.processing.retry.initial-interval=100ms",
                "--dharma.kafka.processing.retry.max-interval=200ms"));
        args.addAll(List.of(extra));
        return args;
    }

    static ConfigurableApplicationContext start(String... extra) {
        return new SpringApplicationBuilder(CostingApplication.class)
                .properties(CostingApplication.CONFIG_NAME)
                .registerShutdownHook(false)
                .run(arguments(extra).toArray(String[]::new));
    }

    /** Publishes the submissions to dharma.blueprints.v1 in order, each keyed by its blueprintId, as intake would. */
    static void submit(List<BlueprintSubmitted> submissions) {
        TopicWriter.onStack().send(DharmaTopicNames.BLUEPRINTS, submissions, submission -> submission.getEnvelope().getBlueprintId());
    }

    static void submit(BlueprintSubmitted submission) {
        submit(List.of(submission));
    }

    /** Every committed CostEstimated on dharma.costs.v1 caused by the event {@code causeEventId}. */
    static List<ConsumerRecord<String, CostEstimated>> estimatesCausedBy(UUID causeEventId) {
        return TopicProbe.onStack().<CostEstimated>readAll(DharmaTopicNames.COSTS).stream()
                .filter(record -> causeEventId.equals(record.value().getEnvelope().getCausationId()))
                .toList();
    }
}
