package io.dharma.blueprint.events;

import io.dharma.blueprint.Approval;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.BlueprintMetadata;
import io.dharma.blueprint.BlueprintSpec;
import io.dharma.blueprint.Budget;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.events.ApprovalMode;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Envelope;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapping between the blueprint model and its event: intake builds
 * {@link BlueprintSubmitted} with {@link #submitted}, every consumer reads the model back with
 * {@link #blueprintOf} (an accepted version is never validated again downstream).
 */
public final class BlueprintEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BlueprintEvents() {
    }

    /** The event announcing an accepted blueprint version, with the document as it was submitted. */
    public static BlueprintSubmitted submitted(Blueprint blueprint, Envelope envelope, String document,
            String mediaType, String submittedBy) {
        return BlueprintSubmitted.newBuilder()
                .setEnvelope(envelope)
                .setName(blueprint.name())
                .setDescription(null)
                .setEnvironment(io.dharma.events.Environment.valueOf(upper(blueprint.metadata().environment().id())))
                .setCloud(io.dharma.events.Cloud.valueOf(upper(blueprint.spec().cloud().id())))
                .setRegion(blueprint.spec().region())
                .setBudget(blueprint.spec().budget()
                        .map(budget -> new io.dharma.events.Budget(budget.monthlyUsd().setScale(4, RoundingMode.HALF_EVEN)))
                        .orElse(null))
                .setApproval(ApprovalMode.valueOf(upper(blueprint.spec().approval().id())))
                .setTags(blueprint.metadata().tags())
                .setResources(blueprint.spec().resources().stream().map(BlueprintEvents::resource).toList())
                .setDocument(document)
                .setDocumentMediaType(mediaType)
                .setContentHash(contentDigest(blueprint))
                .setSubmittedBy(submittedBy)
                .build();
    }

    /** The self-describing digest of a blueprint's canonical form, as stored and published: {@code sha256:<hex>}. */
    public static String contentDigest(Blueprint blueprint) {
        return "sha256:" + blueprint.contentHash();
    }

    /**
     * The blueprint an event describes. Intake validated the version before publishing it, so this
     * only maps; an event that does not map (an enum symbol this model does not know, properties
     * that are not a JSON object) fails with {@link IllegalArgumentException}, which consumers treat
     * as not worth retrying.
     */
    public static Blueprint blueprintOf(BlueprintSubmitted event) {
        return new Blueprint(
                new BlueprintMetadata(event.getName(),
                        known(Environment.fromId(lower(event.getEnvironment().name())), "environment", event.getEnvironment()),
                        Map.copyOf(event.getTags())),
                new BlueprintSpec(
                        known(Cloud.fromId(lower(event.getCloud().name())), "cloud", event.getCloud()),
                        event.getRegion(),
                        Optional.ofNullable(event.getBudget()).map(b -> new Budget(b.getMonthlyUsd())),
                        known(Approval.fromId(lower(event.getApproval().name())), "approval", event.getApproval()),
                        event.getResources().stream().map(BlueprintEvents::resourceOf).toList()));
    }

    private static BlueprintResource resource(ResourceSpec resource) {
        return BlueprintResource.newBuilder()
                .setName(resource.name())
                .setType(resource.type())
                .setProperties(JSON.writeValueAsString(PropertyValues.toJson(resource.properties())))
                .setDependsOn(resource.dependsOn())
                .build();
    }

    @SuppressWarnings("unchecked")
    private static ResourceSpec resourceOf(BlueprintResource resource) {
        JsonNode properties = JSON.readTree(resource.getProperties());
        if (!properties.isObject()) {
            throw new IllegalArgumentException("properties of resource '" + resource.getName() + "' are not a JSON object");
        }
        return new ResourceSpec(resource.getName(), resource.getType(),
                (Map<String, Object>) PropertyValues.fromJson(properties), resource.getDependsOn());
    }

    private static <T> T known(Optional<T> value, String field, Enum<?> symbol) {
        return value.orElseThrow(() -> new IllegalArgumentException("unknown " + field + " " + symbol.name()));
    }

    private static String upper(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
