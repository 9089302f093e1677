package io.dharma.intake.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs intake alone. Its beans come from {@code IntakeAutoConfiguration} (the one-JVM launcher
 * picks up the same auto-configuration); its settings from {@code intake.yaml}, so they never
 * leak into another service's context.
 */
@SpringBootApplication
public class IntakeApplication {

    public static final String CONFIG_NAME = "spring.config.name=intake";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IntakeApplication.class).properties(CONFIG_NAME).run(args);
    }
}
