package io.dharma.notifier.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a subscription can ask to be told about; the ids are the API's and the CLI's. */
public enum NotificationKind {
    APPROVAL_NEEDED("approval-needed"),
    BLOCKED("blocked"),
    FAILED("failed"),
    SUCCEEDED("succeeded"),
    DRIFT("drift"),
    OVER_BUDGET("over-budget");

    private final String id;

    NotificationKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<NotificationKind> of(String id) {
        return Arrays.stream(values()).filter(kind -> kind.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(NotificationKind::id).toList();
    }
}
