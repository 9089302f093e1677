package io.dharma.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the intake service ({@code dharma.intake.*}).
 *
 * @param defaultTenant tenant of requests without an {@code X-Dharma-Tenant} header (until authentication exists)
 * @param retryAfter what a 503 answer tells clients to wait when the database is unreachable
 * @param maxPageSize largest page a list endpoint returns
 * @param relay the outbox relay
 */
@ConfigurationProperties("dharma.intake")
public record IntakeProperties(
        @DefaultValue("default") String defaultTenant,
        @DefaultValue("5s") Duration retryAfter,
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
