package io.dharma.generator.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the generator service alone. Its beans come from {@code GeneratorAutoConfiguration} (the
 * one-JVM launcher picks up the same auto-configuration); its settings from {@code generator.yaml},
 * loaded by name so they never leak into another service's context.
 */
@SpringBootApplication
public class GeneratorApplication {

    public static final String CONFIG_NAME = "spring.config.name=generator";

    public static void main(String[] args) {
        new SpringApplicationBuilder(GeneratorApplication.class).properties(CONFIG_NAME).run(args);
    }
}
