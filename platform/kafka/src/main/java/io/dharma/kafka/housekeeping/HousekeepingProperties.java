package io.dharma.kafka.housekeeping;

import io.dharma.kafka.lifecycle.PeriodicRounds;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Scheduled purges of rows nobody else deletes, under {@code dharma.housekeeping}. The retention of
 * each kind defaults to what the module that registers it chose ({@link PurgeTarget#defaultRetention()}):
 *
 * <pre>
 * dharma.housekeeping.retention.processed-events=7d     # platform.processed_event (dedupe)
 * dharma.housekeeping.retention.published-outbox=1d     # platform.outbox, published rows only
 * dharma.housekeeping.retention.received-events=7d      # orchestrator.received_event (dedupe)
 * dharma.housekeeping.retention.idempotency-keys=24h    # intake.idempotency_key
 * </pre>
 *
 * @param enabled      whether this instance purges (several may: one purges a table at a time)
 * @param interval     time between the end of one purge round and the start of the next
 * @param initialDelay time from start-up to the first round
 * @param batchSize    rows deleted per statement and transaction, so no purge holds locks for long
 * @param retention    per kind, how long rows are kept; overrides the kind's default
 */
@ConfigurationProperties("dharma.housekeeping")
public record HousekeepingProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10m") Duration interval,
        @DefaultValue("1m") Duration initialDelay,
        @DefaultValue("1000") int batchSize,
        Map<String, Duration> retention) {

    public HousekeepingProperties {
        PeriodicRounds.requireValidSchedule("dharma.housekeeping", initialDelay, interval);
        if (batchSize < 1) {
            throw new IllegalArgumentException("dharma.housekeeping.batch-size must be >= 1 but was " + batchSize);
        }
        retention = retention == null ? Map.of() : Map.copyOf(retention);
        retention.forEach((kind, kept) -> {
            if (kept.isNegative() || kept.isZero()) {
                throw new IllegalArgumentException("dharma.housekeeping.retention." + kind + " must be positive but was " + kept);
            }
        });
    }

    /** How long rows of {@code target} are kept. */
    public Duration retentionOf(PurgeTarget target) {
        return retention.getOrDefault(target.kind(), target.defaultRetention());
    }
}
