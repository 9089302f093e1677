package io.dharma.costing;

import io.dharma.costing.catalogue.PriceCatalogue;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the costing service ({@code dharma.costing.*}).
 *
 * @param catalogueVersion the price catalogue ({@code pricing/<version>.json}) estimates use
 * @param consumerGroup    consumer group (and listener id) reading {@code dharma.blueprints.v1}
 */
@ConfigurationProperties("dharma.costing")
public record CostingProperties(
        @DefaultValue(PriceCatalogue.CURRENT_VERSION) String catalogueVersion,
        @DefaultValue(CostingProperties.DEFAULT_CONSUMER_GROUP) String consumerGroup) {

    public static final String DEFAULT_CONSUMER_GROUP = "dharma-costing";
}
