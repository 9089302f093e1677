package io.dharma.blueprint;

import java.util.Arrays;
import java.util.Optional;

/**
 * Whether a deployment waits for a human approver once every verdict allows it.
 * Its {@link #id()} is the spelling used in documents and events.
 */
public enum Approval {
    AUTO("auto"),
    REQUIRED("required");

    private final String id;

    Approval(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Approval> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
