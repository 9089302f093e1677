package io.dharma.streams;

import java.nio.charset.StandardCharsets;

import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Passes every record on inside a span ({@value #OBSERVATION}, {@code process <topic>}) continuing
 * the trace of its {@code traceparent} header, so the streams application's part of a submission
 * (its tracking steps, up to the repartition they are written to) shows in the submission's trace.
 * Kafka Streams has no tracing of its own, and the well-known instrumentation of it is the
 * OpenTelemetry Java agent's, which Dharma does not run.
 */
final class RecordSpans<V> implements FixedKeyProcessor<String, V, V> {

    static final String OBSERVATION = "dharma.streams.process";

    private final ObservationRegistry observations;
    private FixedKeyProcessorContext<String, V> context;

    RecordSpans(ObservationRegistry observations) {
        this.observations = observations;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, V> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("unknown");
        ReceiverContext<Headers> receiving = new ReceiverContext<>(RecordSpans::lastHeader);
        receiving.setCarrier(record.headers());
        Observation.createNotStarted(OBSERVATION, () -> receiving, observations)
                .contextualName("process " + topic)
                .lowCardinalityKeyValues(KeyValues.of("messaging.system", "kafka", "messaging.destination.name", topic,
                        "messaging.operation", "process", "messaging.consumer.group.name", context.applicationId(),
                        TraceHandover.SERVICE, context.applicationId()))
                .highCardinalityKeyValue("messaging.kafka.message.key", String.valueOf(record.key()))
                .observe(() -> context.forward(record));
    }

    private static String lastHeader(Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
