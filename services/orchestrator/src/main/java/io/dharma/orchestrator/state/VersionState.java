package io.dharma.orchestrator.state;

/** Where the join of a blueprint version stands. */
public enum VersionState {
    /** Some of the submission and the three verdicts are still missing. */
    JOINING,
    /** All four were in and a deployment was opened for the decision. */
    DECIDED,
    /** A newer version or a destroy came first; its deployment ended superseded. */
    SUPERSEDED
}
