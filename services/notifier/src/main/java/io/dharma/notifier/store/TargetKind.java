package io.dharma.notifier.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a subscription's notifications go. */
public enum TargetKind {
    WEBHOOK, SLACK, JIRA, SERVICENOW;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TargetKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id().equals(id)).findFirst();
    }
}
