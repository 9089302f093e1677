package io.dharma.kafka.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform outbox relay, under {@code dharma.kafka.outbox}.
 *
 * @param enabled      whether this process runs a relay (the outbox itself is always there)
 * @param batchSize    rows per Kafka transaction
 * @param pollInterval how often to look for rows committed by other processes
 * @param maxBackoff   longest wait between two attempts while Kafka is unreachable
 */
@ConfigurationProperties("dharma.kafka.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("30s") Duration maxBackoff) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("dharma.kafka.outbox.batch-size must be >= 1 but was " + batchSize);
        }
    }
}
