package io.dharma.intake;

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
 */
@ConfigurationProperties("dharma.intake")
public record IntakeProperties(
        @DefaultValue("100") int maxPageSize) {
}
