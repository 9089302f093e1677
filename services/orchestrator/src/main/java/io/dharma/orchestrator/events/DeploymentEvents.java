package io.dharma.orchestrator.events;

import io.dharma.events.DeploymentEvent;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Builds the orchestrator's {@link DeploymentEvent}s. Every one reacts to a cause (an input event,
 * or an earlier deployment event) and gets a name-based eventId from the cause's eventId and a
 * reaction key ({@link Envelopes#reactingTo(Envelope, String)}): doing the same step again for the
 * same cause yields the same eventId, which the outbox refuses to store twice and downstream
 * consumers deduplicate on.
 *
 * <p>The envelope's tenant, tracking id and version are the {@link Subject}'s, not the cause's: a
 * newer version's event can end an older version's deployment (superseded), and that event
 * belongs to the older version's tracking.
 */
public final class DeploymentEvents {

    public static final String PRODUCER = "orchestrator";

    private final Envelopes envelopes;

    public DeploymentEvents(Clock clock) {
        this.envelopes = Envelopes.forProducer(PRODUCER, clock);
    }

    public DeploymentEvent reactingTo(UUID causeEventId, String reactionKey, Subject subject, UUID deploymentId,
            Object payload) {
        Envelope cause = Envelope.newBuilder()
                .setEventId(causeEventId)
                .setOccurredAt(Instant.EPOCH)
                .setTenantId(subject.tenantId())
                .setTrackingId(subject.trackingId())
                .setBlueprintId(subject.blueprintId())
                .setBlueprintVersion(subject.blueprintVersion())
                .setCausationId(null)
                .setProducer(PRODUCER)
                .build();
        return event(envelopes.reactingTo(cause, reactionKey), deploymentId, payload);
    }

    /** For a step nothing on Kafka caused (a destroy asked for over HTTP): a random eventId. */
    public DeploymentEvent originating(Subject subject, UUID deploymentId, Object payload) {
        Envelope envelope = envelopes.originating(subject.tenantId(), subject.trackingId(), subject.blueprintId(),
                subject.blueprintVersion());
        return event(envelope, deploymentId, payload);
    }

    private static DeploymentEvent event(Envelope envelope, UUID deploymentId, Object payload) {
        return DeploymentEvent.newBuilder()
                .setEnvelope(envelope)
                .setDeploymentId(deploymentId.toString())
                .setPayload(payload)
                .build();
    }
}
