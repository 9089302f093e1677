package io.dharma.kafka.lifecycle;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retries of a transiently failing call, as configuration: at most {@code maxAttempts} tries in all,
 * with an exponential backoff between them. With the defaults the waits are 1, 2, 4 and 8 s, about
 * 15 s before the call is given up. Nested in the properties of each retrying mechanism (record
 * processing, executor calls), so that each binds, validates and waits the same way.
 *
 * @param maxAttempts     tries of one call, the first included (1 = no retry)
 * @param initialInterval wait before the second try
 * @param multiplier      growth of the wait per try
 * @param maxInterval     longest wait between two tries
 */
public record RetrySettings(
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1s") Duration initialInterval,
        @DefaultValue("2") double multiplier,
        @DefaultValue("10s") Duration maxInterval) implements ExponentialBackoff {

    public RetrySettings {
        ExponentialBackoff.requireAttempts("retry", maxAttempts);
        ExponentialBackoff.requireValid("retry", initialInterval, multiplier, maxInterval);
    }
}
