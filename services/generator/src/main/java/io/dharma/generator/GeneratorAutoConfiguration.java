package io.dharma.generator;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.IacEvent;
import io.dharma.events.Envelopes;
import io.dharma.generator.api.IacPreviewController;
import io.dharma.generator.events.IacEvents;
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
 * The generator service's beans, for running it alone ({@code app.GeneratorApplication}) or inside
 * the one-JVM launcher: a listener on {@code dharma.blueprints.v1} (consumer group
 * {@code dharma-generator}) that emits one IacEvent per blueprint version on
 * {@code dharma.iac.v1} through the platform's transactional event processing (ADR 0005). Bean
 * names start with {@code generator}. The generator keeps no state of its own beyond the
 * platform's processed-event log. {@code POST /api/v1/iac/preview} answers the same generation
 * synchronously for the dry run (ADR 0026).
 */
@AutoConfiguration(after = DharmaProcessingAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dharma.generator.enabled", matchIfMissing = true)
@EnableConfigurationProperties(GeneratorProperties.class)
public class GeneratorAutoConfiguration {

    public static final String PRODUCER = "generator";

    @Bean
    TerraformGenerator generatorTerraform() {
        return new TerraformGenerator();
    }

    @Bean
    IacEvents generatorIacEvents(TerraformGenerator generatorTerraform, MeterRegistry meterRegistry) {
        return new IacEvents(Envelopes.forProducer(PRODUCER), generatorTerraform, GeneratorVersion.current(), meterRegistry);
    }

    @Bean
    Reaction<BlueprintSubmitted, IacEvent> generatorListener(GeneratorProperties properties, IacEvents generatorIacEvents,
            EventPublisher events) {
        return new Reaction<>(properties.consumerGroup(), DharmaTopic.BLUEPRINTS, DharmaTopic.IAC, generatorIacEvents::answer,
                events);
    }

    /** The preview endpoint of the dry run (ADR 0026), when running in a servlet web application. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(IacPreviewController.class)
    static class GeneratorApiConfiguration {
    }
}
