package io.dharma.guardrails.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the guardrails service alone. Its beans come from {@code GuardrailsAutoConfiguration}
 * (the one-JVM launcher picks up the same auto-configuration); its settings from
 * {@code guardrails.yaml}, so they never leak into another service's context.
 */
@SpringBootApplication
public class GuardrailsApplication {

    public static final String CONFIG_NAME = "spring.config.name=guardrails";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GuardrailsApplication.class).properties(CONFIG_NAME).run(args);
    }
}
