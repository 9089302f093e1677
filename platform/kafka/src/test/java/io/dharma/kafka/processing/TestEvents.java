package io.dharma.kafka.processing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.dharma.events.ApprovalMode;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Cloud;
import io.dharma.events.Environment;
import io.dharma.events.Envelopes;

/** Input events for the tests: real BlueprintSubmitted records as intake would publish them. */
public final class TestEvents {

    private static final Envelopes INTAKE = Envelopes.forProducer("intake");

    private TestEvents() {
    }

    /** A new blueprint version with a fresh eventId and trackingId; the name steers the test listener. */
    public static BlueprintSubmitted blueprint(String blueprintId, String name) {
        return BlueprintSubmitted.newBuilder()
                .setEnvelope(INTAKE.originating("tenant-a", "trk-" + UUID.randomUUID(), blueprintId, 1))
                .setName(name)
                .setEnvironment(Environment.DEV)
                .setCloud(Cloud.AWS)
                .setRegion("eu-west-1")
                .setApproval(ApprovalMode.AUTO)
                .setTags(Map.of("owner", "team-a"))
                .setResources(List.of(new BlueprintResource("web", "compute.instance", "{\"size\":\"small\"}", List.of())))
                .setDocument("name: " + name + "\n")
                .setContentHash("sha256:0")
                .build();
    }

    public static String newBlueprintId() {
        return "bp-" + UUID.randomUUID();
    }
}
