package io.dharma.guardrails;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.events.BlueprintEvents;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import io.dharma.events.Envelopes;
import io.dharma.testing.TopicWriter;
import io.dharma.topics.DharmaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** BlueprintSubmitted events as intake would publish them, the input of guardrails' pipeline tests. */
public final class Submissions {

    private static final Envelopes INTAKE = Envelopes.forProducer("intake");

    private Submissions() {
    }

    /** The event intake would publish for version 1 of {@code blueprint}, submitted by {@code tenant}. */
    public static BlueprintSubmitted submitted(String tenant, Blueprint blueprint) {
        Envelope envelope = INTAKE.originating(tenant, UUID.randomUUID().toString(), UUID.randomUUID().toString(), 1);
        return BlueprintEvents.submitted(blueprint, envelope, blueprint.canonicalJson(), "application/json", "alice@example.com");
    }

    /** {@code event} moved to blueprint {@code blueprintId}: the same key, so the same partition. */
    public static BlueprintSubmitted ofBlueprint(BlueprintSubmitted event, String blueprintId) {
        return BlueprintSubmitted.newBuilder(event)
                .setEnvelope(Envelope.newBuilder(event.getEnvelope()).setBlueprintId(blueprintId).build())
                .build();
    }

    /** {@code event} with its first resource's type replaced. */
    public static BlueprintSubmitted withFirstResourceType(BlueprintSubmitted event, String type) {
        List<BlueprintResource> resources = new ArrayList<>(event.getResources());
        resources.set(0, BlueprintResource.newBuilder(resources.getFirst()).setType(type).build());
        return BlueprintSubmitted.newBuilder(event).setResources(resources).build();
    }

    /** Publishes the events to dharma.blueprints.v1 in order, each keyed by its blueprintId, as intake would. */
    public static void send(BlueprintSubmitted... events) {
        TopicWriter.onStack().send(DharmaTopic.BLUEPRINTS.topicName(), List.of(events), event -> event.getEnvelope().getBlueprintId());
    }
}
