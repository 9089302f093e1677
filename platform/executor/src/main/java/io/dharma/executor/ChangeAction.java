package io.dharma.executor;

public enum ChangeAction {
    CREATE,
    UPDATE,
    DELETE
}
