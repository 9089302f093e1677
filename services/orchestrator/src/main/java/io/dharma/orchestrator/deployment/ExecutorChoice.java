package io.dharma.orchestrator.deployment;

import io.dharma.executor.InfrastructureExecutor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Which executor deploys each cloud: {@code dharma.orchestrator.executors.<cloud>} names one of
 * the {@link InfrastructureExecutor} beans in the context; a cloud not named there goes to the
 * sandbox. A deployment records the executor it was opened for and keeps it to the end (and its
 * destroy and drift observation use it too), so changing the setting only affects new deployments.
 * Checked once every bean exists: an executor named but not present stops the start-up.
 */
public class ExecutorChoice implements SmartInitializingSingleton {

    public static final String DEFAULT_EXECUTOR = "sandbox";

    private final ObjectProvider<InfrastructureExecutor> beans;
    private final Map<String, String> byCloud;
    private volatile Map<String, InfrastructureExecutor> executors = Map.of();

    public ExecutorChoice(ObjectProvider<InfrastructureExecutor> beans, Map<String, String> byCloud) {
        this.beans = beans;
        this.byCloud = Map.copyOf(byCloud);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, InfrastructureExecutor> found = beans.orderedStream()
                .collect(Collectors.toMap(InfrastructureExecutor::name, executor -> executor, (a, b) -> a, LinkedHashMap::new));
        executors = found;
        for (String cloud : clouds().keySet()) {
            named(nameFor(cloud));
        }
    }

    /** The executor that new deployments of {@code cloud} run on. */
    public String nameFor(String cloud) {
        return cloud == null ? DEFAULT_EXECUTOR : byCloud.getOrDefault(cloud, DEFAULT_EXECUTOR);
    }

    /** The executor a deployment recorded (see {@link #nameFor}). */
    public InfrastructureExecutor named(String name) {
        if (executors.isEmpty()) {
            afterSingletonsInstantiated();
        }
        InfrastructureExecutor executor = executors.get(name);
        if (executor == null) {
            throw new IllegalStateException("No executor named '" + name + "' runs in this orchestrator (it has "
                    + executors.keySet() + "); check dharma.orchestrator.executors");
        }
        return executor;
    }

    /** Per cloud, the executor its new deployments run on (aws, azure and gcp always listed). */
    public Map<String, String> clouds() {
        Map<String, String> clouds = new TreeMap<>();
        for (String cloud : new String[] {"aws", "azure", "gcp"}) {
            clouds.put(cloud, nameFor(cloud));
        }
        clouds.putAll(byCloud);
        return clouds;
    }
}
