package io.dharma.kafka.processing.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A minimal Dharma service for the tests: one listener from {@code test.input-topic}
 * (BlueprintSubmitted) to {@code test.output-topic} (GuardrailsEvaluated), wired only by the
 * platform's auto-configuration. {@link #main} lets a test run it in a separate JVM to kill it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({GuardrailsTestListener.class, ListenerAttempts.class})
public class PipelineTestApplication {

    @Bean
    SimpleMeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    public static void main(String[] args) {
        SpringApplication.run(PipelineTestApplication.class, args);
    }
}
