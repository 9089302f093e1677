package io.dharma.kafka.lifecycle;

import java.time.Duration;

/**
 * Settings of an exponential backoff: waits {@code initialInterval}, {@code initialInterval x
 * multiplier}, ... capped at {@code maxInterval}. Implemented by the configuration records that
 * carry these three settings, so that each validates and computes its waits the same way.
 */
public interface ExponentialBackoff {

    Duration initialInterval();

    double multiplier();

    Duration maxInterval();

    /** Settings not read from configuration. */
    static ExponentialBackoff of(Duration initialInterval, double multiplier, Duration maxInterval) {
        requireValid("backoff", initialInterval, multiplier, maxInterval);
        record Fixed(Duration initialInterval, double multiplier, Duration maxInterval) implements ExponentialBackoff {
        }
        return new Fixed(initialInterval, multiplier, maxInterval);
    }

    /** The wait after the {@code n}th failure in a row (1-based). */
    default Duration delay(int n) {
        double millis = initialInterval().toMillis() * Math.pow(multiplier(), Math.min(n - 1, 62));
        return Duration.ofMillis((long) Math.min(millis, maxInterval().toMillis()));
    }

    /**
     * Fails start-up with a message naming the properties when the settings cannot make a backoff.
     *
     * @param prefix the configuration prefix of the settings, e.g. {@code dharma.kafka.processing.retry}
     */
    static void requireValid(String prefix, Duration initialInterval, double multiplier, Duration maxInterval) {
        if (initialInterval.isNegative() || initialInterval.isZero()) {
            throw new IllegalArgumentException(prefix + ".initial-interval must be positive but was " + initialInterval);
        }
        if (multiplier < 1) {
            throw new IllegalArgumentException(prefix + ".multiplier must be >= 1 but was " + multiplier);
        }
        if (maxInterval.compareTo(initialInterval) < 0) {
            throw new IllegalArgumentException(prefix + ".max-interval (" + maxInterval
                    + ") must not be shorter than initial-interval (" + initialInterval + ")");
        }
    }

    /** Fails start-up when fewer than one attempt is configured. */
    static void requireAttempts(String prefix, int maxAttempts) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(prefix + ".max-attempts must be >= 1 but was " + maxAttempts);
        }
    }
}
