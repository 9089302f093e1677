package io.dharma.notifier.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the notifier alone. Its beans come from {@code NotifierAutoConfiguration} (the one-JVM
 * launcher picks up the same auto-configuration); its settings from {@code notifier.yaml}, so they
 * never leak into another service's context.
 */
@SpringBootApplication
public class NotifierApplication {

    public static final String CONFIG_NAME = "spring.config.name=notifier";

    public static void main(String[] args) {
        new SpringApplicationBuilder(NotifierApplication.class).properties(CONFIG_NAME).run(args);
    }
}
