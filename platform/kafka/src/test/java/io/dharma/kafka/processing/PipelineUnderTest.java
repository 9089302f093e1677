package io.dharma.kafka.processing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.dharma.kafka.TestStack;
import io.dharma.kafka.processing.app.PipelineTestApplication;

/**
 * One test pipeline: its own input and output topic (3 partitions, each with a DLT) and consumer
 * group, so test classes sharing the broker never see each other's records.
 */
public record PipelineUnderTest(String inputTopic, String outputTopic, String group) {

    static final int PARTITIONS = 3;
    static final int MAX_ATTEMPTS = 3;

    public static PipelineUnderTest create() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        PipelineUnderTest pipeline = new PipelineUnderTest(
                "test.blueprints." + suffix, "test.guardrails." + suffix, "dharma-guardrails-test-" + suffix);
        TestStack.createTopicsWithDeadLetters(PARTITIONS, pipeline.inputTopic, pipeline.outputTopic);
        return pipeline;
    }

    String inputDeadLetterTopic() {
        return inputTopic + ".dlt";
    }

    /** Command-line arguments of the test application for this pipeline, plus {@code extra}. */
    List<String> arguments(String... extra) {
        List<String> args = new ArrayList<>();
        TestStack.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(List.of(
                "--spring.main.web-application-type=none",
                "--spring.main.banner-mode=off",
                "--spring.jmx.enabled=false",
                "--spring.application.name=pipeline-test",
                "--dharma.kafka.topics.create=false",
                "--dharma.kafka.processing.retry.max-attempts=" + MAX_ATTEMPTS,
                "--dharma.kafka.processing.retry.initial-interval=100ms",
                "--dharma.kafka.processing.retry.max-interval=200ms",
                "--spring.kafka.listener.concurrency=" + PARTITIONS,
                "--test.input-topic=" + inputTopic,
                "--test.output-topic=" + outputTopic,
                "--test.group=" + group));
        args.addAll(List.of(extra));
        return args;
    }

    public ConfigurableApplicationContext start(String... extra) {
        return new SpringApplicationBuilder(PipelineTestApplication.class)
                .registerShutdownHook(false)
                .run(arguments(extra).toArray(String[]::new));
    }
}
