package io.dharma.intake;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the intake service ({@code dharma.intake.*}).
 *
 * <p>The tenant of a request and the 503 {@code Retry-After} are the platform's settings
 * ({@code dharma.web.*}).
 *
 * <p>Its events are published by the platform outbox relay ({@code dharma.kafka.outbox.*}).
 *
 * @param maxPageSize largest page a list endpoint returns
 * @param plan        where the dry run ({@code POST /api/v1/blueprints/plan}) finds the stages it asks
 */
@ConfigurationProperties("dharma.intake")
public record IntakeProperties(
        @DefaultValue("100") int maxPageSize,
        @DefaultValue Plan plan) {

    /**
     * The base URLs of the services a dry run asks, each at the port it listens on when run alone
     * (the one-JVM launcher sets them all to its own URL), and how long it waits for their answers.
     *
     * @param generatorUrl  the generator's API ({@code POST /api/v1/iac/preview})
     * @param guardrailsUrl the guardrails API ({@code POST /api/v1/policies/evaluate})
     * @param costingUrl    the costing API ({@code POST /api/v1/costs/estimate})
     * @param streamsUrl    the streams application's query API ({@code GET /api/v1/blueprints/{id}/resources})
     * @param timeout       how long one stage may take to answer before the plan answers 503
     */
    public record Plan(
            @DefaultValue("http://localhost:8082") URI generatorUrl,
            @DefaultValue("http://localhost:8084") URI guardrailsUrl,
            @DefaultValue("http://localhost:8083") URI costingUrl,
            @DefaultValue("http://localhost:8086") URI streamsUrl,
            @DefaultValue("30s") Duration timeout) {
    }
}
