package io.dharma.executor;

import java.util.List;

/** Ordered changes: creates and updates in dependency order, then deletes in reverse dependency order. */
public record Plan(List<PlannedChange> changes) {

    public Plan {
        changes = List.copyOf(changes);
    }

    public long toAdd() {
        return count(ChangeAction.CREATE);
    }

    public long toChange() {
        return count(ChangeAction.UPDATE);
    }

    public long toDestroy() {
        return count(ChangeAction.DELETE);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private long count(ChangeAction action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }
}
