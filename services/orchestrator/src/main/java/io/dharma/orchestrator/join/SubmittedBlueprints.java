package io.dharma.orchestrator.join;

import io.dharma.blueprint.Approval;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.BlueprintMetadata;
import io.dharma.blueprint.BlueprintSpec;
import io.dharma.blueprint.Budget;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.processing.UnprocessableEventException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The blueprint model of a submitted version, rebuilt from its event (which intake validated). */
final class SubmittedBlueprints {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmittedBlueprints() {
    }

    static Blueprint toBlueprint(BlueprintSubmitted event) {
        try {
            return new Blueprint(
                    new BlueprintMetadata(event.getName(),
                            Environment.fromId(id(event.getEnvironment())).orElseThrow(), event.getTags()),
                    new BlueprintSpec(
                            Cloud.fromId(id(event.getCloud())).orElseThrow(),
                            event.getRegion(),
                            Optional.ofNullable(event.getBudget()).map(budget -> new Budget(budget.getMonthlyUsd())),
                            Approval.fromId(id(event.getApproval())).orElseThrow(),
                            event.getResources().stream().map(SubmittedBlueprints::resource).toList()));
        } catch (RuntimeException e) {
            throw new UnprocessableEventException("BlueprintSubmitted " + event.getEnvelope().getEventId()
                    + " does not describe a valid blueprint: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static ResourceSpec resource(BlueprintResource resource) {
        JsonNode properties;
        try {
            properties = JSON.readTree(resource.getProperties());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("resource " + resource.getName() + " has unreadable properties", e);
        }
        if (!properties.isObject()) {
            throw new IllegalArgumentException("resource " + resource.getName() + " properties are not a JSON object");
        }
        return new ResourceSpec(resource.getName(), resource.getType(),
                (Map<String, Object>) PropertyValues.fromJson(properties), resource.getDependsOn());
    }

    private static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
