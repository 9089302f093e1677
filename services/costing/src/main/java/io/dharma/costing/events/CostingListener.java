package io.dharma.costing.events;

import io.dharma.costing.CostingProperties;
import io.dharma.costing.CostEstimator;
import io.dharma.costing.estimate.CostEstimate;
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
 * Prices every blueprint version on {@code dharma.blueprints.v1} and emits one
 * {@code CostEstimated} on {@code dharma.costs.v1} (key = blueprintId), in the input's Kafka
 * transaction. The event's eventId is derived from the input's, so a reprocessed input emits the
 * same event again and downstream deduplication drops it.
 */
public class CostingListener {

    private final CostEstimator estimator;
    private final CostEstimatedEvents events;
    private final EventPublisher publisher;

    public CostingListener(CostEstimator estimator, CostEstimatedEvents events, EventPublisher publisher) {
        this.estimator = estimator;
        this.events = events;
        this.publisher = publisher;
    }

    @KafkaListener(id = "${dharma.costing.consumer-group:" + CostingProperties.DEFAULT_CONSUMER_GROUP + "}",
            topics = DharmaTopicNames.BLUEPRINTS,
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, BlueprintSubmitted> record) {
        BlueprintSubmitted submitted = record.value();
        // Pricing is pure: if it fails once it fails every time, so the record goes to the DLT at once.
        CostEstimate estimate = UnprocessableEventException.onFailureOf(submitted.getEnvelope(), "cannot be priced",
                () -> estimator.estimate(BlueprintEvents.blueprintOf(submitted)));
        publisher.emit(DharmaTopic.COSTS, events.of(submitted, estimate));
    }
}
