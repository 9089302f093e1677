package io.dharma.costing.events;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blueprint model of a {@link BlueprintSubmitted} event. Intake validated the version before
 * publishing it, so this only maps; an event that does not map (unknown cloud, properties that are
 * not a JSON object) fails with {@link IllegalArgumentException}, which is not worth retrying.
 */
public final class SubmittedBlueprints {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmittedBlueprints() {
    }

    public static Blueprint toBlueprint(BlueprintSubmitted event) {
        BlueprintMetadata metadata = new BlueprintMetadata(
                event.getName(),
                fromId(Environment.fromId(lower(event.getEnvironment().name())), "environment", event.getEnvironment().name()),
                event.getTags());
        BlueprintSpec spec = new BlueprintSpec(
                fromId(Cloud.fromId(lower(event.getCloud().name())), "cloud", event.getCloud().name()),
                event.getRegion(),
                Optional.ofNullable(event.getBudget()).map(budget -> new Budget(budget.getMonthlyUsd())),
                fromId(Approval.fromId(lower(event.getApproval().name())), "approval", event.getApproval().name()),
                event.getResources().stream().map(SubmittedBlueprints::resource).toList());
        return new Blueprint(metadata, spec);
    }

    @SuppressWarnings("unchecked")
    private static ResourceSpec resource(BlueprintResource resource) {
        JsonNode properties = JSON.readTree(resource.getProperties());
        if (!properties.isObject()) {
            throw new IllegalArgumentException("properties of resource '" + resource.getName() + "' are not a JSON object");
        }
        return new ResourceSpec(resource.getName(), resource.getType(),
                (Map<String, Object>) PropertyValues.fromJson(properties), resource.getDependsOn());
    }

    private static <T> T fromId(Optional<T> value, String field, String symbol) {
        return value.orElseThrow(() -> new IllegalArgumentException("unknown " + field + " " + symbol));
    }

    private static String lower(String symbol) {
        return symbol.toLowerCase(Locale.ROOT);
    }
}
