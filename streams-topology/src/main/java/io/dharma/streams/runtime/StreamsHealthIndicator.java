package io.dharma.streams.runtime;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code streams}: UP while the streams application runs (queries may still get 503 for a partition
 * being restored), OUT_OF_SERVICE while it starts or rebalances, DOWN when it failed or stopped.
 */
public final class StreamsHealthIndicator implements HealthIndicator {

    private final DharmaStreams streams;

    public StreamsHealthIndicator(DharmaStreams streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING -> Health.up();
            case CREATED, REBALANCING -> Health.outOfService();
            default -> Health.down();
        };
        return health.withDetail("state", state.name()).withDetail("applicationId", streams.applicationId()).build();
    }
}
