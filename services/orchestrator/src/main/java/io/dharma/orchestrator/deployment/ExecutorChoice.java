package io.dharma.orchestrator.deployment;

import io.dharma.executor.InfrastructureExecutor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The executor deployments run on: the one {@link InfrastructureExecutor} bean in the context
 * (the sandbox cloud by default). Looked up once every bean exists, so the executor's own
 * auto-configuration may come before or after the orchestrator's; without exactly one, the
 * application does not start.
 */
public class ExecutorChoice implements SmartInitializingSingleton {

    private final ObjectProvider<InfrastructureExecutor> executors;

    public ExecutorChoice(ObjectProvider<InfrastructureExecutor> executors) {
        this.executors = executors;
    }

    @Override
    public void afterSingletonsInstantiated() {
        executor();
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
