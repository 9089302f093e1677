package io.dharma.guardrails;

import io.dharma.guardrails.policy.PolicyParameters;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the guardrails service ({@code dharma.guardrails.*}).
 *
 * @param enabled whether the service runs in this context at all
 * @param consumerGroup consumer group of the listener on dharma.blueprints.v1
 * @param compiledPolicyCacheSize most compiled tenant policies kept in memory
 * @param parameters overrides of the built-in policies' parameters; what is not set keeps the
 *     shipped default ({@code policies/parameters.yaml}, {@code policies/kubernetes-end-of-life.yaml})
 */
@ConfigurationProperties("dharma.guardrails")
public record GuardrailsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue(GuardrailsProperties.DEFAULT_CONSUMER_GROUP) String consumerGroup,
        @DefaultValue("10000") long compiledPolicyCacheSize,
        @DefaultValue Parameters parameters) {

    public static final String DEFAULT_CONSUMER_GROUP = "dharma-guardrails";

    /** Each field replaces the default of the parameter of the same name when set. */
    public record Parameters(
            List<String> requiredTags,
            List<Integer> restrictedIngressPorts,
            Map<String, List<String>> allowedRegions,
            Map<String, String> maxSize,
            Map<String, LocalDate> kubernetesEndOfLife,
            Duration kubernetesEndOfLifeWarning) {

        public PolicyParameters applyTo(PolicyParameters defaults) {
            return new PolicyParameters(
                    requiredTags != null ? requiredTags : defaults.requiredTags(),
                    restrictedIngressPorts != null ? restrictedIngressPorts : defaults.restrictedIngressPorts(),
                    allowedRegions != null ? allowedRegions : defaults.allowedRegions(),
                    maxSize != null ? maxSize : defaults.maxSize(),
                    kubernetesEndOfLife != null ? kubernetesEndOfLife : defaults.kubernetesEndOfLife(),
                    kubernetesEndOfLifeWarning != null ? kubernetesEndOfLifeWarning : defaults.kubernetesEndOfLifeWarning());
        }
    }
}
