package io.dharma.orchestrator.deployment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Which executor deploys each cloud, and where each executor deploys to (health detail {@code executors}). */
public class ExecutorsHealthIndicator extends AbstractHealthIndicator {

    private final ExecutorChoice executors;

    public ExecutorsHealthIndicator(ExecutorChoice executors) {
        super("Executor health check failed");
        this.executors = executors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> clouds = executors.clouds();
        Map<String, Map<String, String>> details = new LinkedHashMap<>();
        clouds.values().stream().distinct().forEach(name -> details.put(name, executors.named(name).details()));
        builder.up().withDetail("clouds", clouds).withDetail("executors", details);
    }
}
