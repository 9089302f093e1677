package io.dharma.registry.core;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels; the _TRANSITIVE forms check against every live version. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** The new schema must be able to read data written with the old one. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** The old schema must be able to read data written with the new one. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    public boolean transitive() {
        return transitive;
    }

    /** Case-insensitive, like Confluent; empty for null or an unknown name. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
