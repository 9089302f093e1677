package io.dharma.kafka.processing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

import io.dharma.events.Envelope;

/**
 * Puts the event being processed into the logging context (SLF4J MDC) for every log line written
 * while a listener handles it, including retries and dead-lettering: {@code eventId},
 * {@code trackingId}, {@code blueprintId} and {@code kafkaRecord} (topic-partition@offset).
 * Add them to the log pattern, e.g. {@code %X{trackingId}}.
 */
public final class EventLoggingContext implements RecordInterceptor<Object, Object> {

    public static final String EVENT_ID = "eventId";
    public static final String TRACKING_ID = "trackingId";
    public static final String BLUEPRINT_ID = "blueprintId";
    public static final String KAFKA_RECORD = "kafkaRecord";

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.put(KAFKA_RECORD, record.topic() + "-" + record.partition() + "@" + record.offset());
        EnvelopeAccess.envelopeOf(record.value()).ifPresent(EventLoggingContext::put);
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        MDC.remove(KAFKA_RECORD);
        MDC.remove(EVENT_ID);
        MDC.remove(TRACKING_ID);
        MDC.remove(BLUEPRINT_ID);
    }

    private static void put(Envelope envelope) {
        MDC.put(EVENT_ID, String.valueOf(envelope.getEventId()));
        MDC.put(TRACKING_ID, envelope.getTrackingId());
        MDC.put(BLUEPRINT_ID, envelope.getBlueprintId());
    }
}
