package io.dharma.sandbox.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the sandbox cloud alone (its API and inventory). Its beans come from
 * {@code SandboxAutoConfiguration} (the one-JVM launcher picks up the same auto-configuration);
 * its settings from {@code sandbox.yaml}, so they never leak into another service's context.
 */
@SpringBootApplication
public class SandboxApplication {

    public static final String CONFIG_NAME = "spring.config.name=sandbox";

    public static void main(String[] args) {
        new SpringApplicationBuilder(SandboxApplication.class).properties(CONFIG_NAME).run(args);
    }
}
