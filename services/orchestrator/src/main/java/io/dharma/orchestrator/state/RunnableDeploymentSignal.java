package io.dharma.orchestrator.state;

import io.dharma.kafka.processing.CommitSignal;

/** Wakes an idle deployment worker of this process when a deployment it could run was committed. */
public final class RunnableDeploymentSignal extends CommitSignal {
}
