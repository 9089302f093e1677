package io.dharma.guardrails.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How serious a violation of a policy is. {@link #id()} is the spelling in policy documents and the API. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromId(String id) {
        return Arrays.stream(values()).filter(value -> value.id().equals(id)).findFirst();
    }
}
