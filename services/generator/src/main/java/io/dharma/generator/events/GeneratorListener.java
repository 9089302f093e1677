package io.dharma.generator.events;

import io.dharma.generator.TerraformGenerator;
import io.dharma.generator.GenerationResult;
import io.dharma.generator.GeneratorProperties;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.processing.DharmaProcessingAutoConfiguration;
import io.dharma.kafka.processing.EventPublisher;
import io.dharma.kafka.processing.UnprocessableEventException;
import io.dharma.topics.DharmaTopic;
import io.dharma.topics.DharmaTopicNames;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Generates Terraform for every blueprint version on {@code dharma.blueprints.v1} and emits one
 * IacEvent on {@code dharma.iac.v1} (key = blueprintId) in the input's Kafka transaction:
 * IacGenerated, or IacGenerationFailed when the blueprint cannot be expressed on its cloud (a
 * business outcome the orchestrator acts on). An event that does not describe a blueprint goes
 * to the dead-letter topic (the platform does that for unreadable records and
 * IllegalArgumentException); so does an unexpected generator error, which is a defect to fix and
 * replay rather than a verdict on the blueprint.
 */
public class GeneratorListener {

    private final TerraformGenerator generator;
    private final IacEvents events;
    private final EventPublisher publisher;

    public GeneratorListener(TerraformGenerator generator, IacEvents events, EventPublisher publisher) {
        this.generator = generator;
        this.events = events;
        this.publisher = publisher;
    }

    @KafkaListener(id = "${dharma.generator.consumer-group:" + GeneratorProperties.DEFAULT_CONSUMER_GROUP + "}",
            topics = DharmaTopicNames.BLUEPRINTS,
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, BlueprintSubmitted> record) {
        BlueprintSubmitted submitted = record.value();
        Blueprint blueprint = BlueprintEvents.blueprintOf(submitted);
        GenerationResult result = UnprocessableEventException.onFailureOf(submitted.getEnvelope(),
                "made the generator fail", () -> generator.generate(blueprint));
        publisher.emit(DharmaTopic.IAC, events.of(submitted, result));
    }
}
