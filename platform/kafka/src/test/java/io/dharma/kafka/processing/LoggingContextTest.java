package io.dharma.kafka.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;

class LoggingContextTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void aRecordPutsItsEnvelopeIdentifiersUntilClosed() {
        BlueprintSubmitted event = TestEvents.blueprint(TestEvents.newBlueprintId(), "logged");
        Envelope envelope = event.getEnvelope();

        try (LoggingContext logging = LoggingContext.of(new ConsumerRecord<>("dharma.blueprints.v1", 2, 17L, "key", event))) {
            assertThat(MDC.getCopyOfContextMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "kafkaRecord", "dharma.blueprints.v1-2@17",
                    "eventId", envelope.getEventId().toString(),
                    "tenant", envelope.getTenantId(),
                    "trackingId", envelope.getTrackingId(),
                    "blueprintId", envelope.getBlueprintId()));
        }

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aRecordWithoutEnvelopeNamesOnlyItsCoordinates() {
        try (LoggingContext logging = LoggingContext.of(new ConsumerRecord<Object, Object>("t", 0, 3L, "key", "not an event"))) {
            assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("kafkaRecord");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void closingRestoresWhatWasThereBefore() {
        MDC.put("tenant", "outer");
        try (LoggingContext logging = LoggingContext.open().subject("inner", "trk-1", "bp-1").put("deploymentId", "d-1")) {
            assertThat(MDC.get("tenant")).isEqualTo("inner");
            logging.subject("inner", "trk-2", null);
            assertThat(MDC.get("trackingId")).isEqualTo("trk-2");
            assertThat(MDC.get("blueprintId")).isNull();
        }
        assertThat(MDC.getCopyOfContextMap()).containsExactlyEntriesOf(Map.of("tenant", "outer"));
    }
}
