package io.dharma.sandbox.inventory;

/** What an audit log entry records. */
public enum OperationKind {
    CREATE,
    UPDATE,
    DELETE,
    /** An apply that failed (injected fault or refused change); the resource is unchanged. */
    FAILED,
    /** An operator changed attributes behind Dharma's back (drift). */
    OUT_OF_BAND_UPDATE,
    /** An operator deleted the resource behind Dharma's back (drift). */
    OUT_OF_BAND_DELETE
}
