package io.dharma.orchestrator.state;

/** How far one planned change got. */
public enum ChangeState {
    PENDING,
    APPLIED,
    FAILED
}
