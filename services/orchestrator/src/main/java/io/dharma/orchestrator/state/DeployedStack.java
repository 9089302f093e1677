package io.dharma.orchestrator.state;

import io.dharma.executor.Stack;

/**
 * A stack with something deployed: its latest executed deployment succeeded.
 *
 * @param deployment that latest succeeded deployment: its version is what the stack should look like
 * @param inProgress whether a later deployment of the blueprint is requested or running now
 */
public record DeployedStack(Deployment deployment, boolean inProgress) {

    public String blueprintId() {
        return deployment.blueprintId();
    }

    public Stack stack() {
        return new Stack(deployment.tenantId(), deployment.blueprintId(), deployment.blueprintName(),
                deployment.cloud(), deployment.region());
    }
}
