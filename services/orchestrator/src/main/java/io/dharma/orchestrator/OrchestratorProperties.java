package io.dharma.orchestrator;

import io.dharma.kafka.lifecycle.PeriodicRounds;
import io.dharma.kafka.lifecycle.RetrySettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the orchestrator ({@code dharma.orchestrator.*}). Defaults here apply both alone and
 * in the one-JVM launcher.
 *
 * @param worker the deployment worker
 * @param executorRetry retries of transient executor failures (plan, apply, read actual state)
 * @param drift the drift observer that reports the actual state of deployed stacks
 * @param executors per cloud ("aws", "azure", "gcp"), the name of the executor its new deployments
 *        run on ("terraform", "sandbox"); a cloud not listed runs on the sandbox
 * @param fourEyesEnvironments the environments ("dev", "staging", "prod", as blueprints spell
 *        them) where a deployment's submitter may not approve it and a destroy waits for the
 *        approval of someone other than who asked for it
 * @param consumerGroup consumer group (and listener id) of the verdict listener on the four lifecycle topics
 */
@ConfigurationProperties("dharma.orchestrator")
public record OrchestratorProperties(
        @DefaultValue Worker worker,
        @DefaultValue RetrySettings executorRetry,
        @DefaultValue Drift drift,
        Map<String, String> executors,
        @DefaultValue("prod") List<String> fourEyesEnvironments,
        @DefaultValue(OrchestratorProperties.DEFAULT_CONSUMER_GROUP) String consumerGroup) {

    public static final String DEFAULT_CONSUMER_GROUP = "dharma-orchestrator";

    public OrchestratorProperties {
        executors = executors == null ? Map.of() : Map.copyOf(executors);
        fourEyesEnvironments = fourEyesEnvironments == null ? List.of()
                : fourEyesEnvironments.stream().map(environment -> environment.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether {@code environment} (any case) needs four eyes; null (unknown) does not. */
    public boolean fourEyes(String environment) {
        return environment != null && fourEyesEnvironments.contains(environment.toLowerCase(Locale.ROOT));
    }

    /**
     * @param enabled whether this instance runs deployments (several instances may; a stack runs on one at a time)
     * @param concurrency deployments of different blueprints this instance runs at once; each holds a
     *        database connection while it runs (its stack lock) and takes a second one for each step
     * @param pollInterval how often an idle worker looks for deployments to run
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("8") int concurrency,
            @DefaultValue("500ms") Duration pollInterval) {

        public Worker {
            if (concurrency < 1) {
                throw new IllegalArgumentException("dharma.orchestrator.worker.concurrency must be at least 1");
            }
        }
    }

    /**
     * @param enabled whether this instance observes deployed stacks on a schedule (one observer
     *        works at a time across instances; the observe-now endpoint works either way)
     * @param interval time between the end of one observation round and the start of the next
     * @param initialDelay time from start-up to the first round
     * @param heartbeat a scheduled round publishes a resource's observation when it changed, or when
     *        its last publication is this old (ADR 0019): how stale "last observed" may look while
     *        nothing changes
     */
    public record Drift(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30s") Duration interval,
            @DefaultValue("5s") Duration initialDelay,
            @DefaultValue("1h") Duration heartbeat) {

        public Drift {
            PeriodicRounds.requireValidSchedule("dharma.orchestrator.drift", initialDelay, interval);
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("dharma.orchestrator.drift.heartbeat must be positive");
            }
        }
    }
}
