package io.dharma.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class EnvelopesTest {

    static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123456789Z");

    final Envelopes intake = Envelopes.forProducer("intake", Clock.fixed(NOW, ZoneOffset.UTC));
    final Envelopes generator = Envelopes.forProducer("generator", Clock.fixed(NOW.plusSeconds(2), ZoneOffset.UTC));

    @Test
    void originatingEnvelopeHasAFreshIdAndNoCause() {
        Envelope envelope = intake.originating("tenant-a", "trk-1", "bp-1", 3);

        assertThat(envelope.getEventId()).isNotNull();
        assertThat(envelope.getCausationId()).isNull();
        assertThat(envelope.getOccurredAt()).isEqualTo(Instant.parse("2025-03-01T10:15:30.123Z"));
        assertThat(envelope.getTenantId()).isEqualTo("tenant-a");
        assertThat(envelope.getTrackingId()).isEqualTo("trk-1");
        assertThat(envelope.getBlueprintId()).isEqualTo("bp-1");
        assertThat(envelope.getBlueprintVersion()).isEqualTo(3);
        assertThat(envelope.getProducer()).isEqualTo("intake");
        assertThat(intake.originating("tenant-a", "trk-1", "bp-1", 3).getEventId())
                .isNotEqualTo(envelope.getEventId());
    }

    @Test
    void reactionKeepsTheBlueprintContextAndPointsAtItsCause() {
        Envelope cause = intake.originating("tenant-a", "trk-1", "bp-1", 3);

        Envelope reaction = generator.reactingTo(cause);

        assertThat(reaction.getEventId()).isNotEqualTo(cause.getEventId());
        assertThat(reaction.getCausationId()).isEqualTo(cause.getEventId());
        assertThat(reaction.getProducer()).isEqualTo("generator");
        assertThat(reaction.getOccurredAt()).isEqualTo(Instant.parse("2025-03-01T10:15:32.123Z"));
        assertThat(reaction)
                .extracting(Envelope::getTenantId, Envelope::getTrackingId, Envelope::getBlueprintId,
                        Envelope::getBlueprintVersion)
                .containsExactly("tenant-a", "trk-1", "bp-1", 3);
        assertThat(cause.getProducer()).as("the cause is not modified").isEqualTo("intake");
    }

    @Test
    void keyedReactionIsRepeatableSoReprocessingCanBeDeduplicated() {
        Envelope cause = intake.originating("tenant-a", "trk-1", "bp-1", 1);
        Envelope otherCause = intake.originating("tenant-a", "trk-1", "bp-1", 1);

        Envelope first = generator.reactingTo(cause, "generated");

        assertThat(generator.reactingTo(cause, "generated").getEventId()).isEqualTo(first.getEventId());
        assertThat(generator.reactingTo(cause, "failed").getEventId()).isNotEqualTo(first.getEventId());
        assertThat(generator.reactingTo(otherCause, "generated").getEventId()).isNotEqualTo(first.getEventId());
        assertThat(Envelopes.forProducer("costing").reactingTo(cause, "generated").getEventId())
                .isNotEqualTo(first.getEventId());
        assertThat(first.getCausationId()).isEqualTo(cause.getEventId());
    }

    @Test
    void rejectsIncompleteInput() {
        assertThatThrownBy(() -> Envelopes.forProducer(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("producer");
        assertThatThrownBy(() -> intake.originating("tenant-a", "", "bp-1", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trackingId");
        assertThatThrownBy(() -> intake.originating("tenant-a", "trk-1", "bp-1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blueprintVersion");
        assertThatThrownBy(() -> generator.reactingTo(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("cause");
    }
}
