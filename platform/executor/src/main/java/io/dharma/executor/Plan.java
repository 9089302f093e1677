package io.dharma.executor;

import java.util.List;

/**
 * Ordered changes: creates and updates in dependency order, then deletes in reverse dependency order.
 *
 * @param artifact where the executor keeps this exact plan for {@link InfrastructureExecutor#apply}
 *        (a Terraform plan file); null when the changes themselves are all an apply needs
 */
public record Plan(List<PlannedChange> changes, String artifact) {

    public Plan {
        changes = List.copyOf(changes);
    }

    public Plan(List<PlannedChange> changes) {
        this(changes, null);
    }

    public long toAdd() {
        return count(ChangeAction.CREATE) + count(ChangeAction.REPLACE);
    }

    public long toChange() {
        return count(ChangeAction.UPDATE);
    }

    public long toDestroy() {
        return count(ChangeAction.DELETE) + count(ChangeAction.REPLACE);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private long count(ChangeAction action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
