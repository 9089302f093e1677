package io.dharma.streams;

/**
 * The public topics the topology reads (lifecycle and observations) and writes (drift). Same names as
 * {@code io.dharma.kafka.topics.DharmaTopicNames}, repeated here so the topology does not depend on
 * the Spring-based platform/kafka module.
 */
public final class LifecycleTopics {

    public static final String BLUEPRINTS = "dharma.blueprints.v1";
    public static final String IAC = "dharma.iac.v1";
    public static final String GUARDRAILS = "dharma.guardrails.v1";
    public static final String COSTS = "dharma.costs.v1";
    public static final String DEPLOYMENTS = "dharma.deployments.v1";
    /** ResourceObserved, key blueprintId; co-partitioned with {@link #DEPLOYMENTS} (same partition count). */
    public static final String OBSERVATIONS = "dharma.observations.v1";
    /** DriftEvent (DriftDetected / DriftResolved), key blueprintId; written by the topology. */
    public static final String DRIFT = "dharma.drift.v1";

    private LifecycleTopics() {
    }
}
