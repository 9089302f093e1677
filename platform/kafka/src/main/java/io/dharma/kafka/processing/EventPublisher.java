package io.dharma.kafka.processing;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import io.dharma.events.Envelope;
import io.dharma.topics.DharmaTopic;

/**
 * The one way a Dharma service emits events. Every emit joins the current Kafka transaction:
 * inside a listener of {@code dharmaListenerContainerFactory} that is the transaction that also
 * commits the input's offset, so the outputs become visible if and only if the input counts as
 * consumed. Emitting outside a transaction fails at once; wrap non-listener code in
 * {@link #inTransaction(Runnable)}.
 *
 * <pre>{@code
 * events.emit(DharmaTopic.GUARDRAILS, verdict);   // key = verdict's envelope blueprintId
 * }</pre>
 */
public final class EventPublisher {

    private final KafkaTemplate<String, Object> template;

    public EventPublisher(KafkaTemplate<String, Object> template) {
        if (!template.isTransactional()) {
            throw new IllegalArgumentException("EventPublisher needs a transactional KafkaTemplate");
        }
        this.template = template;
    }

    /** Emits {@code event} to {@code topic}, keyed by its envelope's blueprintId. */
    public CompletableFuture<SendResult<String, Object>> emit(DharmaTopic<?> topic, SpecificRecord event) {
        return emit(topic, envelope(event).getBlueprintId(), event);
    }

    /**
     * Emits {@code event} to {@code topic} under {@code key}, which must be the event's blueprintId
     * (every catalogue topic is keyed by it).
     */
    public CompletableFuture<SendResult<String, Object>> emit(DharmaTopic<?> topic, String key, SpecificRecord event) {
        Objects.requireNonNull(topic, "topic");
        if (!topic.valueType().isInstance(event)) {
            throw new IllegalArgumentException("Topic " + topic.topicName() + " carries " + topic.valueType().getName()
                    + ", not " + (event == null ? "null" : event.getClass().getName()));
        }
        String blueprintId = envelope(event).getBlueprintId();
        if (!blueprintId.equals(key)) {
            throw new IllegalArgumentException("Topic " + topic.topicName() + " is keyed by blueprintId " + blueprintId
                    + ", but the key given was " + key);
        }
        return send(topic.topicName(), key, event);
    }

    /** Emits to a topic outside the catalogue (for example in tests). */
    public CompletableFuture<SendResult<String, Object>> emit(String topic, String key, SpecificRecord event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(event, "event");
        return send(topic, key, event);
    }

    /**
     * Runs {@code work} in a Kafka transaction of its own, for code that emits outside a listener
     * (an HTTP request, a scheduled job); inside an existing transaction it simply joins it.
     */
    public void inTransaction(Runnable work) {
        if (template.inTransaction()) {
            work.run();
            return;
        }
        template.executeInTransaction(operations -> {
            work.run();
            return null;
        });
    }

    private CompletableFuture<SendResult<String, Object>> send(String topic, String key, SpecificRecord event) {
        if (!template.inTransaction()) {
            throw new IllegalStateException("EventPublisher.emit to " + topic + " outside a Kafka transaction: emit from a "
                    + "@KafkaListener with containerFactory = \"dharmaListenerContainerFactory\", or wrap the call in "
                    + "EventPublisher.inTransaction(...)");
        }
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, event);
        CloudEventHeaders.of(event).forEach((name, value) ->
                record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return template.send(record);
    }

    private static Envelope envelope(SpecificRecord event) {
        return EnvelopeAccess.envelopeOf(event).orElseThrow(() -> new IllegalArgumentException(
                (event == null ? "null" : event.getClass().getName()) + " is not a Dharma event: it has no envelope"));
    }
}
