package io.dharma.orchestrator.state;

import io.dharma.executor.ChangeAction;

/** One change of an attempt's persisted plan. */
public record PlannedChangeRow(String resourceName, int position, String resourceType, ChangeAction action,
        ChangeState state) {
}
