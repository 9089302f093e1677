package io.dharma.guardrails.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a violation does: {@link #BLOCK} stops the deployment, {@link #WARN} only reports.
 * {@link #id()} is the spelling in policy documents and the API.
 */
public enum Enforcement {
    BLOCK, WARN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Enforcement> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
    }
}
