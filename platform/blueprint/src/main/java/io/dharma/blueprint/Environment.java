package io.dharma.blueprint;

import java.util.Arrays;
import java.util.Optional;

/**
 * The stage a blueprint's infrastructure serves; policies (guardrails, approval) differ per environment.
 * Its {@link #id()} is the spelling used in documents and events.
 */
public enum Environment {
    DEV("dev"),
    STAGING("staging"),
    PROD("prod");

    private final String id;

    Environment(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Environment> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
