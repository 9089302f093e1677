package io.dharma.orchestrator.deployment;

import io.dharma.executor.InfrastructureExecutor;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The executor deployments run on: the one {@link InfrastructureExecutor} bean in the context
 * (the sandbox cloud by default). Looked up on first use, so the executor's own auto-configuration
 * may come before or after the orchestrator's.
 */
public class ExecutorChoice {

    private final ObjectProvider<InfrastructureExecutor> executors;

    public ExecutorChoice(ObjectProvider<InfrastructureExecutor> executors) {
        this.executors = executors;
    }

    public InfrastructureExecutor executor() {
        InfrastructureExecutor executor = executors.getIfUnique();
        if (executor == null) {
            throw new IllegalStateException("The orchestrator needs exactly one InfrastructureExecutor bean (the sandbox "
                    + "cloud, dharma-sandbox, or another executor); found " + executors.stream().count());
        }
        return executor;
    }

    public String name() {
        return executor().name();
    }
}
