package io.dharma.kafka.processing;

import io.dharma.kafka.lifecycle.ExponentialBackoff;
import io.dharma.kafka.lifecycle.RetrySettings;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event-processing machinery, under {@code dharma.kafka.processing}.
 *
 * <pre>
 * dharma.kafka.processing.enabled=true
 * dharma.kafka.processing.transaction-id-prefix=          # default: ${spring.application.name}-&lt;random&gt;-
 * dharma.kafka.processing.retry.max-attempts=5            # attempts of a transient failure, then the DLT
 * dharma.kafka.processing.retry.initial-interval=1s
 * dharma.kafka.processing.retry.multiplier=2
 * dharma.kafka.processing.retry.max-interval=10s
 * dharma.kafka.processing.not-retryable-exceptions=com.example.PolicyRejected
 * dharma.kafka.processing.outage.initial-interval=1s      # while a dependency is unavailable: no attempts used,
 * dharma.kafka.processing.outage.multiplier=2             # no dead letters, the container waits and retries
 * dharma.kafka.processing.outage.max-interval=30s
 * dharma.kafka.processing.unavailable-exceptions=com.example.PolicyStoreDown
 * dharma.kafka.processing.group-instance-id=              # default: none (dynamic membership)
 * </pre>
 *
 * @param enabled                 whether to configure dharmaListenerContainerFactory and friends
 * @param transactionIdPrefix     prefix of the transactional.id of every producer; must differ
 *                                between running instances. Unset, each start picks a fresh one.
 * @param retry                   retries of a record failing transiently (not for an outage); keep its
 *                                max-interval well below max.poll.interval.ms
 * @param notRetryableExceptions  extra exception types that go to the DLT without retries
 * @param outage                  back-off while a dependency (PostgreSQL, registry, Kafka) is unavailable
 * @param unavailableExceptions   extra exception types that mean a dependency is unavailable
 * @param groupInstanceId         static group membership: each listener's consumer joins its group as
 *                                {@code <this>-<group>} (Spring adds {@code -<n>} per concurrent consumer),
 *                                so the same instance started again after a crash gets its partitions
 *                                back at once instead of after the dead member's session timeout. Must
 *                                be stable for an instance and unique among the running ones; unset (the
 *                                default) for instances that come and go (ADR 0030)
 */
@ConfigurationProperties("dharma.kafka.processing")
public record DharmaProcessingProperties(
        @DefaultValue("true") boolean enabled,
        String transactionIdPrefix,
        @DefaultValue RetrySettings retry,
        List<Class<? extends Throwable>> notRetryableExceptions,
        @DefaultValue Outage outage,
        List<Class<? extends Throwable>> unavailableExceptions,
        String groupInstanceId) {

    public DharmaProcessingProperties {
        if (groupInstanceId != null && groupInstanceId.isBlank()) {
            groupInstanceId = null;
        }
        if (transactionIdPrefix != null && transactionIdPrefix.isBlank()) {
            transactionIdPrefix = null;
        }
        notRetryableExceptions = notRetryableExceptions == null ? List.of() : List.copyOf(notRetryableExceptions);
        unavailableExceptions = unavailableExceptions == null ? List.of() : List.copyOf(unavailableExceptions);
        outage = outage == null ? Outage.DEFAULT : outage;
    }

    /**
     * The configured prefix, or {@code <applicationName>-<12 random hex digits>-}: unique per running
     * instance without any coordination (see ADR 0005).
     */
    public String effectiveTransactionIdPrefix(String applicationName) {
        if (transactionIdPrefix != null) {
            return transactionIdPrefix;
        }
        // 48 bits from a SecureRandom-backed UUID: no two instances will draw the same.
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return applicationName + "-" + random + "-";
    }

    /**
     * How a container waits while a dependency is unavailable ({@link FailureKind#UNAVAILABLE}): the
     * batch is delivered again after each wait, for as long as the outage lasts. The wait blocks the
     * consumer thread, so keep the longest well below max.poll.interval.ms (5 min by default).
     *
     * @param initialInterval first wait after the dependency stopped answering
     * @param multiplier      growth of the wait per failed delivery
     * @param maxInterval     longest wait, the cap reached in a long outage
     */
    public record Outage(
            @DefaultValue("1s") Duration initialInterval,
            @DefaultValue("2") double multiplier,
            @DefaultValue("30s") Duration maxInterval) implements ExponentialBackoff {

        static final Outage DEFAULT = new Outage(Duration.ofSeconds(1), 2, Duration.ofSeconds(30));

        public Outage {
            ExponentialBackoff.requireValid("dharma.kafka.processing.outage", initialInterval, multiplier, maxInterval);
        }
    }
}
