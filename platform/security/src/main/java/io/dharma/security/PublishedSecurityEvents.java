package io.dharma.security;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.dharma.events.SecurityEnvelope;
import io.dharma.events.SecurityEvent;
import io.dharma.kafka.outbox.Outbox;
import io.dharma.topics.DharmaTopic;

/** Security events on {@code dharma.security.v1} (key: tenant), through the platform outbox; logged too. */
final class PublishedSecurityEvents implements SecurityEvents {

    private final Outbox outbox;
    private final String producer;
    private final Clock clock;

    PublishedSecurityEvents(Outbox outbox, String producer, Clock clock) {
        this.outbox = outbox;
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public void record(SecurityAction action) {
        outbox.append(DharmaTopic.SECURITY, event(action));
        LoggedSecurityEvents.log(action);
    }

    SecurityEvent event(SecurityAction action) {
        return SecurityEvent.newBuilder()
                .setEnvelope(SecurityEnvelope.newBuilder()
                        .setEventId(UUID.randomUUID())
                        .setOccurredAt(clock.instant())
                        .setTenantId(action.tenant())
                        .setProducer(producer)
                        .build())
                .setKind(action.kind())
                .setActor(action.actor())
                .setActorTenantId(action.actorTenant())
                .setSubject(action.subject())
                .setDetails(Map.copyOf(action.details()))
                .build();
    }
}
