package io.dharma.executor;

/** What a plan does to one resource. REPLACE deletes and re-creates it (Terraform's forced replacement). */
public enum ChangeAction {
    CREATE,
    UPDATE,
    REPLACE,
    DELETE
}
