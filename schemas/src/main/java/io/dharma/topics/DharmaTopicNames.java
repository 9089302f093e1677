package io.dharma.topics;

/**
 * The public topic names as compile-time constants, for annotations such as
 * {@code @KafkaListener(topics = DharmaTopicNames.BLUEPRINTS)}. Elsewhere use {@link DharmaTopic}.
 */
public final class DharmaTopicNames {

    public static final String BLUEPRINTS = "dharma.blueprints.v1";
    public static final String IAC = "dharma.iac.v1";
    public static final String GUARDRAILS = "dharma.guardrails.v1";
    public static final String COSTS = "dharma.costs.v1";
    public static final String DEPLOYMENTS = "dharma.deployments.v1";
    public static final String OBSERVATIONS = "dharma.observations.v1";
    public static final String DRIFT = "dharma.drift.v1";
    public static final String SECURITY = "dharma.security.v1";

    private DharmaTopicNames() {
    }
}
