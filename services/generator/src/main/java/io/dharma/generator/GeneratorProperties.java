package io.dharma.generator;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the generator service ({@code dharma.generator.*}).
 *
 * @param consumerGroup consumer group (and listener id) reading {@code dharma.blueprints.v1}
 */
@ConfigurationProperties("dharma.generator")
public record GeneratorProperties(@DefaultValue(GeneratorProperties.DEFAULT_CONSUMER_GROUP) String consumerGroup) {

    public static final String DEFAULT_CONSUMER_GROUP = "dharma-generator";
}
