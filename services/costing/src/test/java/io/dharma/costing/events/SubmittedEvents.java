package io.dharma.costing.events;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.events.ApprovalMode;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.events.Budget;
import io.dharma.events.Cloud;
import io.dharma.events.Envelopes;
import io.dharma.events.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * BlueprintSubmitted events for tests, built from an example document the way intake's outbox
 * builds them (services/intake BlueprintSubmittedEvents): validated model, canonical property
 * JSON, budget at scale 4.
 */
public final class SubmittedEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Envelopes INTAKE = Envelopes.forProducer("intake");

    private SubmittedEvents() {
    }

    public static BlueprintSubmitted example(String file, String tenantId, String trackingId, String blueprintId) {
        return example(file, tenantId, trackingId, blueprintId, 1);
    }

    public static BlueprintSubmitted example(String file, String tenantId, String trackingId, String blueprintId, int version) {
        String document = read(Path.of("../../examples", file));
        ValidationResult result = new BlueprintValidator().validate(document, DocumentFormat.YAML);
        Blueprint blueprint = ((ValidationResult.Valid) result).blueprint();
        return BlueprintSubmitted.newBuilder()
                .setEnvelope(INTAKE.originating(tenantId, trackingId, blueprintId, version))
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
                .setResources(blueprint.spec().resources().stream().map(SubmittedEvents::resource).toList())
                .setDocument(document)
                .setDocumentMediaType("application/yaml")
                .setContentHash("sha256:" + blueprint.contentHash())
                .setSubmittedBy(null)
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

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
