package io.dharma.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * The one way services build {@link Envelope}s. Create one per service (for example as a Spring
 * bean) and use {@link #originating} for an event that no other event caused, and
 * {@link #reactingTo} for an event that reacts to a consumed one.
 *
 * <pre>{@code
 * Envelopes envelopes = Envelopes.forProducer("generator");
 * Envelope envelope = envelopes.reactingTo(blueprintSubmitted.getEnvelope());
 * }</pre>
 */
public final class Envelopes {

    private final String producer;
    private final Clock clock;

    private Envelopes(String producer, Clock clock) {
        this.producer = requireText(producer, "producer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static Envelopes forProducer(String producer) {
        return new Envelopes(producer, Clock.systemUTC());
    }

    /** As {@link #forProducer(String)}, with the clock that stamps {@code occurredAt} (for tests). */
    public static Envelopes forProducer(String producer, Clock clock) {
        return new Envelopes(producer, clock);
    }

    public String producer() {
        return producer;
    }

    /**
     * Envelope for an event not caused by another Kafka event, such as a blueprint accepted over
     * HTTP: a fresh random eventId and no causationId.
     */
    public Envelope originating(String tenantId, String trackingId, String blueprintId, int blueprintVersion) {
        if (blueprintVersion < 1) {
            throw new IllegalArgumentException("blueprintVersion must be >= 1 but was " + blueprintVersion);
        }
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now())
                .setTenantId(requireText(tenantId, "tenantId"))
                .setTrackingId(requireText(trackingId, "trackingId"))
                .setBlueprintId(requireText(blueprintId, "blueprintId"))
                .setBlueprintVersion(blueprintVersion)
                .setCausationId(null)
                .setProducer(producer)
                .build();
    }

    /**
     * Envelope for an event reacting to {@code cause}: same tenant, tracking id and blueprint
     * version, causationId = the cause's eventId, and a fresh random eventId.
     */
    public Envelope reactingTo(Envelope cause) {
        return reaction(cause, UUID.randomUUID());
    }

    /**
     * As {@link #reactingTo(Envelope)}, but the eventId is derived from the cause's eventId, this
     * producer and {@code reactionKey}. Reprocessing the same cause (after a crash, a rebalance or a
     * replay) then yields the same eventId, so downstream deduplication recognises the repeat.
     * Use a distinct key for each event a producer emits in reaction to one cause, for example
     * {@code "planned"} and {@code "applying"}.
     */
    public Envelope reactingTo(Envelope cause, String reactionKey) {
        Objects.requireNonNull(cause, "cause");
        String seed = cause.getEventId() + "|" + producer + "|" + requireText(reactionKey, "reactionKey");
        return reaction(cause, UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private Envelope reaction(Envelope cause, UUID eventId) {
        Objects.requireNonNull(cause, "cause");
        return Envelope.newBuilder(cause)
                .setEventId(eventId)
                .setOccurredAt(now())
                .setCausationId(cause.getEventId())
                .setProducer(producer)
                .build();
    }

    // The schema stores milliseconds; truncating here makes an envelope equal to its own round trip.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
