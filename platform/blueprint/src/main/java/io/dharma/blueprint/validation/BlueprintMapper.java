package io.dharma.blueprint.validation;

import io.dharma.blueprint.Approval;
import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.BlueprintMetadata;
import io.dharma.blueprint.BlueprintSpec;
import io.dharma.blueprint.Budget;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.Environment;
import io.dharma.blueprint.PropertyValues;
import io.dharma.blueprint.ResourceSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the immutable model from a document that passed validation earlier, without checking
 * it again: the validator's last step, and the way back from a stored
 * {@link Blueprint#canonicalJson()} (later catalogue changes must not make a stored, accepted
 * version unreadable). A document that is not a valid blueprint fails with a runtime exception.
 */
public final class BlueprintMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BlueprintMapper() {
    }

    /** The blueprint a {@link Blueprint#canonicalJson()} text describes. */
    public static Blueprint fromCanonicalJson(String canonicalJson) {
        return toBlueprint(JSON.readTree(canonicalJson));
    }

    /** The blueprint a validated document tree describes. */
    public static Blueprint toBlueprint(JsonNode document) {
        JsonNode metadata = document.get("metadata");
        Map<String, String> tags = new LinkedHashMap<>();
        metadata.path("tags").properties().forEach(tag -> tags.put(tag.getKey(), tag.getValue().stringValue()));

        JsonNode spec = document.get("spec");
        Optional<Budget> budget = spec.has("budget")
                ? Optional.of(new Budget(spec.get("budget").get("monthlyUsd").decimalValue()))
                : Optional.empty();
        List<ResourceSpec> resources = spec.get("resources").valueStream().map(BlueprintMapper::toResource).toList();

        return new Blueprint(
                new BlueprintMetadata(
                        metadata.get("name").stringValue(),
                        Environment.fromId(metadata.get("environment").stringValue()).orElseThrow(),
                        tags),
                new BlueprintSpec(
                        Cloud.fromId(spec.get("cloud").stringValue()).orElseThrow(),
                        spec.get("region").stringValue(),
                        budget,
                        Approval.fromId(spec.get("approval").stringValue()).orElseThrow(),
                        resources));
    }

    @SuppressWarnings("unchecked")
    private static ResourceSpec toResource(JsonNode resource) {
        Map<String, Object> properties = resource.has("properties")
                ? (Map<String, Object>) PropertyValues.fromJson(resource.get("properties"))
                : Map.of();
        List<String> dependsOn = resource.path("dependsOn").valueStream().map(JsonNode::stringValue).toList();
        return new ResourceSpec(resource.get("name").stringValue(), resource.get("type").stringValue(), properties, dependsOn);
    }
}
