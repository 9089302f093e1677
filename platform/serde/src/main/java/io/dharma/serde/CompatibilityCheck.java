package io.dharma.serde;

import java.util.List;

/** Result of a compatibility test; {@code messages} explains an incompatibility. */
public record CompatibilityCheck(boolean compatible, List<String> messages) {

    public CompatibilityCheck {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
