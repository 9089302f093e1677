package io.dharma.orchestrator.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the orchestrator alone. Its beans come from {@code OrchestratorAutoConfiguration} (the
 * one-JVM launcher picks up the same auto-configuration); its settings from
 * {@code orchestrator.yaml}. It needs an executor on the classpath (dharma-sandbox by default).
 */
@SpringBootApplication
public class OrchestratorApplication {

    public static final String CONFIG_NAME = "spring.config.name=orchestrator";

    public static void main(String[] args) {
        new SpringApplicationBuilder(OrchestratorApplication.class).properties(CONFIG_NAME).run(args);
    }
}
