package io.dharma.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.dharma.events.BlueprintSubmitted;

/**
 * A stream of submissions for crash and restart tests: the distinct inputs, and what an
 * at-least-once relay might publish for them (every fifth input twice, same eventId).
 */
public record SubmissionStream(List<BlueprintSubmitted> inputs, List<BlueprintSubmitted> published) {

    private static final List<String> EXAMPLES = List.of("aws-web-app.yaml", "aws-prod-api.yaml",
            "azure-data-platform.yaml", "gcp-kubernetes-service.yaml", "insecure-demo.yaml");

    public SubmissionStream {
        inputs = List.copyOf(inputs);
        published = List.copyOf(published);
    }

    /** {@code blueprints} blueprints cycling through examples/, each submitted in {@code versions} versions. */
    public static SubmissionStream ofExamples(String tenantId, int blueprints, int versions) {
        List<BlueprintSubmitted> inputs = new ArrayList<>();
        for (int blueprint = 0; blueprint < blueprints; blueprint++) {
            String blueprintId = "bp-crash-" + UUID.randomUUID();
            String example = EXAMPLES.get(blueprint % EXAMPLES.size());
            for (int version = 1; version <= versions; version++) {
                inputs.add(ExampleBlueprints.submitted(example, tenantId, "trk-" + UUID.randomUUID(), blueprintId, version));
            }
        }
        return withRedeliveries(inputs);
    }

    /** The given inputs, every fifth published twice (same eventId), as an at-least-once relay may do. */
    public static SubmissionStream withRedeliveries(List<BlueprintSubmitted> inputs) {
        List<BlueprintSubmitted> published = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            published.add(inputs.get(i));
            if (i % 5 == 0) {
                published.add(inputs.get(i));
            }
        }
        return new SubmissionStream(inputs, published);
    }

    public Set<UUID> inputEventIds() {
        return inputs.stream().map(input -> input.getEnvelope().getEventId()).collect(Collectors.toSet());
    }
}
