package io.dharma.orchestrator.state;

import io.dharma.executor.ChangeAction;

/** One change of an attempt's persisted plan. */
public record PlannedChangeRow(String resourceName, int position, String resourceType, ChangeAction action,
        ChangeState state) {

    /** Identifies the change within its attempt: a replacement has a DELETE and a CREATE of one resource. */
    public String key() {
        return keyOf(resourceName, action);
    }

    public static String keyOf(String resourceName, ChangeAction action) {
        return resourceName + ":" + action;
    }
}
