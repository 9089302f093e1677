package io.dharma.guardrails;

import io.dharma.guardrails.app.GuardrailsApplication;
import io.dharma.testing.EmbeddedStack;
import io.dharma.testing.PrometheusScrape;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The guardrails application on a random port against the shared real Kafka, PostgreSQL and
 * registry (one context for every subclass). Tests isolate themselves by tenant.
 */
@SpringBootTest(classes = GuardrailsApplication.class, properties = GuardrailsApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GuardrailsIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedStack.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
        properties.add("dharma.kafka.processing.retry.initial-interval", () -> "100ms");
        properties.add("dharma.kafka.processing.retry.max-interval", () -> "200ms");
        properties.add("dharma.kafka.processing.retry.max-attempts", () -> "3");
    }

    protected PoliciesClient client(String tenant) {
        return new PoliciesClient("http://localhost:" + port, tenant);
    }

    protected PoliciesClient client(String tenant, Set<String> roles) {
        return new PoliciesClient("http://localhost:" + port, tenant, roles);
    }

    /** One scrape of this application's /actuator/prometheus (the management port is the server port here). */
    protected PrometheusScrape scrape() {
        return PrometheusScrape.of(port);
    }

    protected PoliciesClient clientWithHeaders(Map<String, String> headers) {
        return new PoliciesClient("http://localhost:" + port, headers);
    }
}
