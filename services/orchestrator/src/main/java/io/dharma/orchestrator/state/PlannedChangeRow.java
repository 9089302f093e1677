package io.dharma.orchestrator.state;

import io.dharma.executor.ChangeAction;

/** One change of an attempt's persisted plan. */
public record PlannedChangeRow(String address, String resourceName, int position, String resourceType,
        ChangeAction action, ChangeState state) {

    /** Identifies the change within its attempt: a sandbox replacement has a DELETE and a CREATE of one address. */
    public String key() {
        return keyOf(address, action);
    }

    public static String keyOf(String address, ChangeAction action) {
        return address + ":" + action;
    }
}
