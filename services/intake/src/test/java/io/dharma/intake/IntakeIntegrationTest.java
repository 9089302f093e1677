package io.dharma.intake;

import io.dharma.intake.app.IntakeApplication;
import io.dharma.testing.EmbeddedStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake application on a random port against the shared real Kafka, PostgreSQL and registry. */
@SpringBootTest(classes = IntakeApplication.class, properties = IntakeApplication.CONFIG_NAME,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IntakeIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        EmbeddedStack.get().springProperties().forEach((name, value) -> properties.add(name, () -> value));
        properties.add("dharma.kafka.outbox.poll-interval", () -> "100ms");
    }

    IntakeClient client() {
        return new IntakeClient("http://localhost:" + port);
    }

    IntakeClient client(String tenant) {
        return new IntakeClient("http://localhost:" + port, tenant);
    }
}
