package io.dharma.costing.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the costing service alone. Its beans come from {@code CostingAutoConfiguration} (the
 * one-JVM launcher picks up the same auto-configuration); its settings from {@code costing.yaml},
 * loaded by name so they never leak into another service's context.
 */
@SpringBootApplication
public class CostingApplication {

    public static final String CONFIG_NAME = "spring.config.name=costing";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CostingApplication.class).properties(CONFIG_NAME).run(args);
    }
}
