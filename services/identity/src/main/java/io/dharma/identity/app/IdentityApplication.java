package io.dharma.identity.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs the identity service alone, an OpenID Connect issuer for a platform whose services run
 * apart. Its beans come from {@code IdentityAutoConfiguration} (the one-JVM launcher picks up the
 * same auto-configuration); its settings from {@code identity.yaml}.
 */
@SpringBootApplication
public class IdentityApplication {

    public static final String CONFIG_NAME = "spring.config.name=identity";

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityApplication.class).properties(CONFIG_NAME).run(args);
    }
}
