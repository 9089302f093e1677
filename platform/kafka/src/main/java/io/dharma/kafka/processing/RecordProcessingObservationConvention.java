package io.dharma.kafka.processing;

import io.dharma.kafka.tracing.TraceHandover;
import io.micrometer.common.KeyValues;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The span of one record handled inside a poll batch ({@link PollBatchListener}): Spring Kafka's
 * listener observation, named and tagged after the current messaging semantic conventions
 * ({@code process <topic>}, {@code messaging.destination.name}, {@code messaging.consumer.group.name})
 * as well as Spring Kafka's own keys, and with the service that handles it ({@value TraceHandover#SERVICE},
 * its consumer group), which the one-JVM launcher's shared tracer cannot tell otherwise.
 */
final class RecordProcessingObservationConvention extends KafkaListenerObservation.DefaultKafkaListenerObservationConvention {

    static final RecordProcessingObservationConvention INSTANCE = new RecordProcessingObservationConvention();

    @Override
    public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
        return super.getLowCardinalityKeyValues(context).and(
                "messaging.destination.name", context.getSource(),
                "messaging.consumer.group.name", context.getGroupId(),
                TraceHandover.SERVICE, context.getGroupId());
    }

    /** With the record's key (a lifecycle topic's blueprintId), which says which submission a span is part of. */
    @Override
    public KeyValues getHighCardinalityKeyValues(KafkaRecordReceiverContext context) {
        Object key = context.getRecord().key();
        return key == null ? super.getHighCardinalityKeyValues(context)
                : super.getHighCardinalityKeyValues(context).and("messaging.kafka.message.key", key.toString());
    }

    @Override
    public String getContextualName(KafkaRecordReceiverContext context) {
        return "process " + context.getSource();
    }
}
