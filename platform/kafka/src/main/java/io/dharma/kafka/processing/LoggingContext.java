package io.dharma.kafka.processing;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

import io.dharma.events.Envelope;

/**
 * Puts what Dharma is working on into the logging context (SLF4J MDC) for every log line written
 * meanwhile, and takes it out again on {@link #close()}, restoring what was there before: the record
 * a listener handles (including retries and dead-lettering inside its batch) and the deployment a
 * worker runs. With structured logging ({@code logging.structured.format.console=ecs}) each key is a
 * field of the JSON line; in plain text add it to the pattern, e.g. {@code %X{trackingId}}.
 * platform/web's {@code RequestLoggingContext} uses the same keys for HTTP requests.
 *
 * <pre>{@code
 * try (LoggingContext logging = LoggingContext.of(record)) {
 *     ...
 * }
 * }</pre>
 */
public final class LoggingContext implements AutoCloseable {

    public static final String TENANT = "tenant";
    public static final String TRACKING_ID = "trackingId";
    public static final String BLUEPRINT_ID = "blueprintId";
    public static final String EVENT_ID = "eventId";
    public static final String DEPLOYMENT_ID = "deploymentId";
    /** topic-partition@offset of the record being processed. */
    public static final String KAFKA_RECORD = "kafkaRecord";

    /** Each key this context set, with the value it replaced (null: none). */
    private final Map<String, String> replaced = new HashMap<>();

    private LoggingContext() {
    }

    /** An empty context; add to it with {@link #put} and {@link #subject}. */
    public static LoggingContext open() {
        return new LoggingContext();
    }

    /** The record's coordinates and, when it is a Dharma event, its envelope's identifiers. */
    public static LoggingContext of(ConsumerRecord<?, ?> record) {
        LoggingContext context = open().put(KAFKA_RECORD, record.topic() + "-" + record.partition() + "@" + record.offset());
        EnvelopeAccess.envelopeOf(record.value()).ifPresent(context::envelope);
        return context;
    }

    /** The identifiers of the blueprint version being worked on. */
    public LoggingContext subject(String tenant, String trackingId, String blueprintId) {
        return put(TENANT, tenant).put(TRACKING_ID, trackingId).put(BLUEPRINT_ID, blueprintId);
    }

    /** Sets {@code key} until {@link #close()}; a null value removes it meanwhile. */
    public LoggingContext put(String key, String value) {
        if (!replaced.containsKey(key)) {
            replaced.put(key, MDC.get(key));
        }
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
        return this;
    }

    @Override
    public void close() {
        replaced.forEach((key, before) -> {
            if (before == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, before);
            }
        });
        replaced.clear();
    }

    private void envelope(Envelope envelope) {
        put(EVENT_ID, String.valueOf(envelope.getEventId()));
        subject(envelope.getTenantId(), envelope.getTrackingId(), envelope.getBlueprintId());
    }
}
