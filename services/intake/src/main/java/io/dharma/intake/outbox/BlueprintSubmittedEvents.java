package io.dharma.intake.outbox;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.validation.BlueprintMapper;
import io.dharma.events.ApprovalMode;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Budget;
import io.dharma.events.Cloud;
import io.dharma.events.Envelope;
import io.dharma.events.Environment;
import io.dharma.intake.submission.SubmissionService;
import java.math.RoundingMode;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/** Builds the BlueprintSubmitted event of a stored version; the same row always gives the same event. */
final class BlueprintSubmittedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BlueprintSubmittedEvents() {
    }

    static BlueprintSubmitted of(PendingEvent row) {
        Blueprint blueprint = BlueprintMapper.fromCanonicalJson(row.canonicalJson());
        return BlueprintSubmitted.newBuilder()
                .setEnvelope(envelope(row))
                .setName(blueprint.name())
                .setDescription(null)
                .setEnvironment(Environment.valueOf(blueprint.metadata().environment().id().toUpperCase(Locale.ROOT)))
                .setCloud(Cloud.valueOf(blueprint.spec().cloud().id().toUpperCase(Locale.ROOT)))
                .setRegion(blueprint.spec().region())
                .setBudget(blueprint.spec().budget()
                        .map(budget -> new Budget(budget.monthlyUsd().setScale(4, RoundingMode.HALF_EVEN)))
                        .orElse(null))
                .setApproval(ApprovalMode.valueOf(blueprint.spec().approval().id().toUpperCase(Locale.ROOT)))
                .setTags(blueprint.metadata().tags())
                .setResources(blueprint.spec().resources().stream().map(BlueprintSubmittedEvents::resource).toList())
                .setDocument(row.document())
                .setDocumentMediaType(row.mediaType())
                .setContentHash(row.contentHash())
                .setSubmittedBy(null)
                .build();
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

    private static BlueprintResource resource(ResourceSpec resource) {
        return BlueprintResource.newBuilder()
                .setName(resource.name())
                .setType(resource.type())
                .setProperties(JSON.writeValueAsString(PropertyValues.toJson(resource.properties())))
                .setDependsOn(resource.dependsOn())
                .build();
    }
}
