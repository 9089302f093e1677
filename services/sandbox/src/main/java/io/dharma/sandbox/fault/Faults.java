package io.dharma.sandbox.fault;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which applies the sandbox makes fail. A resource is named by its name ({@code db}: in every
 * stack) or by blueprint and name ({@code shop-web-dev/db}: in that blueprint only).
 *
 * @param failureRate share of applies, 0 to 1, that fail transiently at random (throttling, timeouts)
 * @param alwaysFail resources whose every apply fails permanently (a provider refusing them)
 * @param transientFailures resources whose next N applies fail transiently, after which they succeed
 */
public record Faults(double failureRate, List<String> alwaysFail, Map<String, Integer> transientFailures) {

    public static final Faults NONE = new Faults(0, List.of(), Map.of());

    public Faults {
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("failureRate must be between 0 and 1, was " + failureRate);
        }
        alwaysFail = Objects.requireNonNullElse(alwaysFail, List.of());
        transientFailures = Objects.requireNonNullElse(transientFailures, Map.of());
        // Checked before copying: List.copyOf/Map.copyOf reject nulls with an exception that is not a 422.
        for (String name : alwaysFail) {
            requireName(name);
        }
        transientFailures.forEach((name, times) -> {
            requireName(name);
            if (times == null || times < 0) {
                throw new IllegalArgumentException("transientFailures of '" + name + "' must be 0 or more, was " + times);
            }
        });
        alwaysFail = List.copyOf(alwaysFail);
        transientFailures = Map.copyOf(new TreeMap<>(transientFailures));
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a resource name for a fault must not be blank");
        }
    }
}
