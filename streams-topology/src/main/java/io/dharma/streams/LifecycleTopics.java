package io.dharma.streams;

/**
 * The public lifecycle topics the topology reads. Same names as
 * {@code io.dharma.kafka.topics.DharmaTopicNames}, repeated here so the topology does not depend on
 * the Spring-based platform/kafka module.
 */
public final class LifecycleTopics {

    public static final String BLUEPRINTS = "dharma.blueprints.v1";
    public static final String IAC = "dharma.iac.v1";
    public static final String GUARDRAILS = "dharma.guardrails.v1";
    public static final String COSTS = "dharma.costs.v1";
    public static final String DEPLOYMENTS = "dharma.deployments.v1";

    private LifecycleTopics() {
    }
}
