package io.dharma.costing;

import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.costing.api.CostEstimateController;
import io.dharma.costing.catalogue.PriceCatalogue;
import io.dharma.costing.catalogue.RegionEquivalents;
import io.dharma.costing.events.CostEstimatedEvents;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.CostEstimated;
import io.dharma.events.Envelopes;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.kafka.processing.Reaction;
import io.dharma.topics.DharmaTopic;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The costing service's beans, for running it alone ({@code app.CostingApplication}) or inside the
 * one-JVM launcher: a listener on {@code dharma.blueprints.v1} (consumer group
 * {@code dharma-costing}) that emits one {@code CostEstimated} per blueprint version on
 * {@code dharma.costs.v1} through the platform's transactional event processing (ADR 0005). Bean
 * names start with {@code costing}. Costing keeps no state of its own beyond the platform's
 * processed-event log. {@code POST /api/v1/costs/estimate} answers the same estimate synchronously
 * for the dry run (ADR 0026).
 */
@AutoConfiguration(after = DharmaProcessingAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dharma.costing.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CostingProperties.class)
public class CostingAutoConfiguration {

    public static final String PRODUCER = "costing";

    @Bean
    CostEstimator costingEstimator(CostingProperties properties) {
        return new CostEstimator(PriceCatalogue.load(properties.catalogueVersion()), RegionEquivalents.standard(),
                ResourceCatalogue.v1(), SizeCatalogue.v1());
    }

    @Bean
    CostEstimatedEvents costingEvents(CostEstimator costingEstimator, MeterRegistry meterRegistry) {
        return new CostEstimatedEvents(Envelopes.forProducer(PRODUCER), costingEstimator, meterRegistry);
    }

    @Bean
    Reaction<BlueprintSubmitted, CostEstimated> costingListener(CostingProperties properties, CostEstimatedEvents costingEvents,
            EventPublisher events) {
        return new Reaction<>(properties.consumerGroup(), DharmaTopic.BLUEPRINTS, DharmaTopic.COSTS, costingEvents::answer,
                events);
    }

    /** The estimate endpoint of the dry run (ADR 0026), when running in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(CostEstimateController.class)
    static class CostingApiConfiguration {
    }
}
