package io.dharma.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the intake service ({@code dharma.intake.*}).
 *
 * <p>The tenant of a request and the 503 {@code Retry-After} are the platform's settings
 * ({@code dharma.web.*}).
 *
 * @param maxPageSize largest page a list endpoint returns
 * @param relay the outbox relay
 */
@ConfigurationProperties("dharma.intake")
public record IntakeProperties(
        @DefaultValue("100") int maxPageSize,
        @DefaultValue Relay relay) {

    /**
     * @param enabled whether this instance relays the outbox to Kafka
     * @param pollInterval how often the relay looks for unpublished rows when nothing wakes it
     * @param batchSize rows published per transaction
     * @param maxBackoff longest wait between attempts while Kafka or the registry is failing
     */
    public record Relay(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("30s") Duration maxBackoff) {
    }
}
