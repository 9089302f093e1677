package io.dharma.executor;

import java.util.List;
import java.util.Objects;

/**
 * One change of a plan.
 *
 * @param desired the resource as wanted (null for a delete)
 * @param changedAttributes for an update, the attribute names that differ; empty otherwise
 */
public record PlannedChange(ChangeAction action, String resourceName, String type, DesiredResource desired,
        List<String> changedAttributes) {

    public PlannedChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceName, "resourceName");
        changedAttributes = List.copyOf(changedAttributes);
        if (action != ChangeAction.DELETE) {
            Objects.requireNonNull(desired, "desired resource of a " + action);
        }
    }
}
