package io.dharma.intake.outbox;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.blueprint.validation.BlueprintMapper;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.intake.submission.SubmissionService;

/** Builds the BlueprintSubmitted event of a stored version; the same row always gives the same event. */
final class BlueprintSubmittedEvents {

    private BlueprintSubmittedEvents() {
    }

    static BlueprintSubmitted of(PendingEvent row) {
        Blueprint blueprint = BlueprintMapper.fromCanonicalJson(row.canonicalJson());
        return BlueprintEvents.submitted(blueprint, envelope(row), row.document(), row.mediaType(), row.submittedBy());
    }

    /**
     * The envelope made when the version was accepted, rebuilt from the row (not through
     * {@code Envelopes}, which would mint a new eventId): a re-sent event keeps its eventId.
     */
    private static Envelope envelope(PendingEvent row) {
        return Envelope.newBuilder()
                .setEventId(row.eventId())
                .setOccurredAt(row.submittedAt().toInstant())
                .setTenantId(row.tenantId())
                .setTrackingId(row.trackingId().toString())
                .setBlueprintId(row.blueprintId().toString())
                .setBlueprintVersion(row.version())
                .setCausationId(null)
                .setProducer(SubmissionService.PRODUCER)
                .build();
    }
}
