package io.dharma.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The intake application on a random port against the shared real Kafka, PostgreSQL and registry. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IntakeIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> IntakeTestInfrastructure.postgres().jdbcUrl());
        properties.add("spring.datasource.username", () -> IntakeTestInfrastructure.postgres().username());
        properties.add("spring.datasource.password", () -> IntakeTestInfrastructure.postgres().password());
        properties.add("spring.kafka.bootstrap-servers", () -> IntakeTestInfrastructure.kafka().bootstrapServers());
        properties.add("dharma.schema-registry.url", () -> IntakeTestInfrastructure.registry().url());
        properties.add("dharma.intake.relay.poll-interval", () -> "100ms");
    }

    IntakeClient client() {
        return new IntakeClient("http://localhost:" + port);
    }

    IntakeClient client(String tenant) {
        return new IntakeClient("http://localhost:" + port, tenant);
    }
}
