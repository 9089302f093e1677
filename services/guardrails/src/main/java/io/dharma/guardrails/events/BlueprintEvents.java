package io.dharma.guardrails.events;

import io.dharma.blueprint.Approval;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.BlueprintMetadata;
import io.dharma.blueprint.BlueprintSpec;
import io.dharma.blueprint.Budget;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.events.BlueprintResource;
import io.dharma.events.BlueprintSubmitted;
import io.dharma.kafka.processing.UnprocessableEventException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blueprint model of a {@code BlueprintSubmitted} event. Intake validated the version before
 * publishing it, so anything the model or this catalogue cannot take (an unknown resource type
 * from a newer catalogue, properties that are not a JSON object) makes the event unprocessable
 * here: it goes to the dead-letter topic with the reason rather than being retried.
 */
public final class BlueprintEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BlueprintEvents() {
    }

    public static Blueprint toBlueprint(BlueprintSubmitted event, ResourceCatalogue catalogue) {
        try {
            return new Blueprint(
                    new BlueprintMetadata(event.getName(), Environment.fromId(lower(event.getEnvironment())).orElseThrow(),
                            Map.copyOf(event.getTags())),
                    new BlueprintSpec(
                            Cloud.fromId(lower(event.getCloud())).orElseThrow(),
                            event.getRegion(),
                            Optional.ofNullable(event.getBudget()).map(budget -> new Budget(budget.getMonthlyUsd())),
                            Approval.fromId(lower(event.getApproval())).orElseThrow(),
                            event.getResources().stream().map(resource -> resource(resource, catalogue)).toList()));
        } catch (IllegalArgumentException e) {
            throw new UnprocessableEventException("blueprint " + event.getName() + " cannot be evaluated: " + e.getMessage(), e);
        }
    }

    private static ResourceSpec resource(BlueprintResource resource, ResourceCatalogue catalogue) {
        if (catalogue.find(resource.getType()).isEmpty()) {
            throw new IllegalArgumentException("resource " + resource.getName() + " has type '" + resource.getType()
                    + "', which resource catalogue " + catalogue.version() + " does not know");
        }
        JsonNode properties;
        try {
            properties = JSON.readTree(resource.getProperties());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the properties of resource " + resource.getName() + " are not JSON", e);
        }
        if (!properties.isObject()) {
            throw new IllegalArgumentException("the properties of resource " + resource.getName() + " are not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) PropertyValues.fromJson(properties);
        return new ResourceSpec(resource.getName(), resource.getType(), values, resource.getDependsOn());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
