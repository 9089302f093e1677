package io.dharma.kafka.processing;

import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

import io.dharma.topics.DharmaTopic;

/**
 * A listener that answers every event on {@code input} with one event on {@code output}, emitted in
 * the Kafka transaction that consumes the input (ADR 0005): how the generator, guardrails and costing
 * each answer {@code dharma.blueprints.v1}. The answer's eventId must derive from the input's
 * ({@code Envelopes.reactingTo}), so a reprocessed input emits the same event again and downstream
 * deduplication drops it. An answer that throws fails the record as any listener does
 * ({@link FailureClassifier}).
 *
 * @param id        the listener id, also its consumer group: the service's {@code dharma.<service>.consumer-group}
 * @param input     the topic consumed
 * @param output    the topic the answers go to
 * @param answer    the one event that answers an input event
 * @param publisher emits the answers
 */
public record Reaction<I extends SpecificRecord, O extends SpecificRecord>(String id, DharmaTopic<I> input, DharmaTopic<O> output,
        Function<I, ? extends O> answer,
        EventPublisher publisher) {

    private static final Logger LOG = LoggerFactory.getLogger(Reaction.class);

    @KafkaListener(id = "#{__listener.id()}", topics = "#{__listener.input().topicName()}",
            containerFactory = DharmaProcessingAutoConfiguration.LISTENER_CONTAINER_FACTORY)
    void on(ConsumerRecord<String, I> record) {
        O emitted = answer.apply(record.value());
        publisher.emit(output, emitted);
        // DEBUG: one line per event and service; the logging context names the input's identifiers.
        LOG.debug("Answered {} with {} {} on {}", record.value().getSchema().getName(), emitted.getSchema().getName(),
                EnvelopeAccess.envelopeOf(emitted).map(envelope -> envelope.getEventId().toString()).orElse("?"),
                output.topicName());
    }
}
