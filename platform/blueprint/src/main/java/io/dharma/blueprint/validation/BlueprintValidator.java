package io.dharma.blueprint.validation;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.catalogue.PropertyViolation;
import io.dharma.blueprint.catalogue.RegionCatalogue;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.blueprint.catalogue.ResourceReference;
import io.dharma.blueprint.catalogue.ResourceType;
import io.dharma.blueprint.graph.DependencyGraph;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks that a submitted document is a structurally valid blueprint (not whether it is
 * allowed: that is the guardrails' job) and turns it into a {@link Blueprint}. All problems are
 * collected, each with a stable code and a JSON Pointer into the submitted document, ordered as
 * the places they point to appear in a document. Thread-safe; build one and reuse it.
 */
public final class BlueprintValidator {

    private static final Pattern RESOURCE_NAME = Pattern.compile("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final ResourceCatalogue catalogue;
    private final RegionCatalogue regions;
    private final BlueprintLimits limits;
    private final BlueprintParser parser;
    private final EnvelopeSchema envelope = new EnvelopeSchema();

    public BlueprintValidator(ResourceCatalogue catalogue, RegionCatalogue regions, BlueprintLimits limits) {
        this.catalogue = catalogue;
        this.regions = regions;
        this.limits = limits;
        this.parser = new BlueprintParser(limits);
    }

    /** Catalogue v1, its regions and the default limits. */
    public BlueprintValidator() {
        this(ResourceCatalogue.v1(), RegionCatalogue.v1(), BlueprintLimits.DEFAULT);
    }

    /** Reads (see {@link BlueprintParser}) and validates a submitted document. */
    public ValidationResult validate(byte[] document, DocumentFormat format) {
        try {
            return validate(parser.parse(document, format));
        } catch (UnreadableDocumentException e) {
            return new ValidationResult.Unreadable(e.problem());
        }
    }

    public ValidationResult validate(String document, DocumentFormat format) {
        return validate(document.getBytes(StandardCharsets.UTF_8), format);
    }

    /** Validates an already parsed document tree. */
    public ValidationResult validate(JsonNode document) {
        List<Problem> problems = new ArrayList<>(envelope.validate(document));
        if (document.isObject()) {
            checkRegion(document, problems);
            checkResources(document.path("spec").path("resources"), problems);
        }
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Pointers.DOCUMENT_ORDER.compare(a.pointer(), b.pointer()));
            return new ValidationResult.Invalid(problems);
        }
        return new ValidationResult.Valid(BlueprintMapper.toBlueprint(document));
    }

    private void checkRegion(JsonNode document, List<Problem> problems) {
        JsonNode region = document.path("spec").path("region");
        Optional<Cloud> cloud = Cloud.fromId(document.path("spec").path("cloud").asString(""));
        if (cloud.isPresent() && region.isString() && !regions.contains(cloud.get(), region.stringValue())) {
            problems.add(new Problem(ProblemCode.SPEC_UNKNOWN_REGION, "/spec/region",
                    "'" + region.stringValue() + "' is not a region of " + cloud.get().id() + " that Dharma supports; valid: "
                            + String.join(", ", regions.regionIds(cloud.get()))));
        }
    }

    private void checkResources(JsonNode resources, List<Problem> problems) {
        if (!resources.isArray()) {
            return;
        }
        if (resources.size() > limits.maxResources()) {
            problems.add(new Problem(ProblemCode.DOCUMENT_TOO_MANY_RESOURCES, "/spec/resources",
                    "a blueprint can have at most " + limits.maxResources() + " resources; this one has " + resources.size()));
            return;
        }
        Map<String, Integer> indexByName = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            JsonNode resource = resources.get(i);
            checkProperties(i, resource, problems);
            checkDependsOnList(i, resource.path("dependsOn"), problems);
            JsonNode name = resource.path("name");
            if (name.isString()) {
                Integer first = indexByName.putIfAbsent(name.stringValue(), i);
                if (first != null) {
                    String pointer = Pointers.resource(i).appendProperty("name").toString();
                    problems.add(new Problem(ProblemCode.RESOURCE_DUPLICATE_NAME, pointer,
                            "the name '" + name.stringValue() + "' is already used by spec.resources[" + first + "]"));
                }
            }
        }
        checkDependencies(resources, indexByName, problems);
    }

    /**
     * A bounded list without repeats. A repeated name is refused rather than collapsed, as a repeated
     * resource name is: the stored document and its event then say exactly what the author wrote.
     */
    private void checkDependsOnList(int index, JsonNode dependsOn, List<Problem> problems) {
        if (!dependsOn.isArray()) {
            return; // absent, or reported by the envelope schema
        }
        JsonPointer at = Pointers.resource(index).appendProperty("dependsOn");
        if (dependsOn.size() > limits.maxDependsOn()) {
            problems.add(new Problem(ProblemCode.RESOURCE_TOO_MANY_DEPENDENCIES, at.toString(),
                    "a resource can list at most " + limits.maxDependsOn() + " names in dependsOn; this one lists "
                            + dependsOn.size()));
            return;
        }
        Map<String, Integer> first = new HashMap<>();
        for (int j = 0; j < dependsOn.size(); j++) {
            if (!dependsOn.get(j).isString()) {
                continue;
            }
            Integer earlier = first.putIfAbsent(dependsOn.get(j).stringValue(), j);
            if (earlier != null) {
                problems.add(new Problem(ProblemCode.RESOURCE_DUPLICATE_DEPENDENCY, at.appendIndex(j).toString(),
                        "dependsOn names '" + dependsOn.get(j).stringValue() + "' twice (first at dependsOn[" + earlier + "])"));
            }
        }
    }

    private void checkProperties(int index, JsonNode resource, List<Problem> problems) {
        JsonNode type = resource.path("type");
        if (!type.isString()) {
            return; // missing or wrong type: reported by the envelope schema
        }
        Optional<ResourceType> resourceType = catalogue.find(type.stringValue());
        JsonPointer at = Pointers.resource(index);
        if (resourceType.isEmpty()) {
            problems.add(new Problem(ProblemCode.RESOURCE_UNKNOWN_TYPE, at.appendProperty("type").toString(),
                    "'" + type.stringValue() + "' is not a resource type of catalogue " + catalogue.version()
                            + "; known types: " + String.join(", ", catalogue.typeNames())));
            return;
        }
        JsonNode properties = propertiesOf(resource);
        if (!properties.isObject()) {
            return; // reported by the envelope schema
        }
        for (PropertyViolation violation : resourceType.get().validate(properties)) {
            String pointer = at.appendProperty("properties") + violation.pointer();
            problems.add(new Problem(ProblemCode.RESOURCE_INVALID_PROPERTIES, pointer,
                    Pointers.readable(pointer) + ": " + violation.message()));
        }
    }

    /**
     * Unknown targets and wrong target types for dependsOn and reference properties, then cycles
     * over the edges that do resolve. Only the first resource of a duplicated name takes part.
     */
    private void checkDependencies(JsonNode resources, Map<String, Integer> indexByName, List<Problem> problems) {
        Map<String, Set<String>> edges = new HashMap<>();
        Map<String, String> edgePointers = new HashMap<>();
        for (Map.Entry<String, Integer> entry : indexByName.entrySet()) {
            String name = entry.getKey();
            int index = entry.getValue();
            JsonNode resource = resources.get(index);
            JsonPointer at = Pointers.resource(index);
            Set<String> targets = new LinkedHashSet<>();

            JsonNode dependsOn = resource.path("dependsOn");
            // An over-long list is reported once as such, not once per name it holds.
            int listed = dependsOn.size() > limits.maxDependsOn() ? 0 : dependsOn.size();
            for (int j = 0; j < listed; j++) {
                if (!dependsOn.get(j).isString()) {
                    continue;
                }
                String target = dependsOn.get(j).stringValue();
                if (targets.contains(target)) {
                    continue; // a repeat, reported as such
                }
                String pointer = at.appendProperty("dependsOn").appendIndex(j).toString();
                if (indexByName.containsKey(target)) {
                    targets.add(target);
                    edgePointers.putIfAbsent(name + "\n" + target, pointer);
                } else {
                    problems.add(new Problem(ProblemCode.RESOURCE_UNKNOWN_DEPENDENCY, pointer,
                            "dependsOn names '" + target + "', which is not a resource of this blueprint"));
                }
            }

            Optional<ResourceType> type = catalogue.find(resource.path("type").asString(""));
            JsonNode properties = propertiesOf(resource);
            if (type.isEmpty() || !properties.isObject()) {
                edges.put(name, targets);
                continue;
            }
            for (ResourceReference reference : type.get().referencesIn(properties)) {
                if (!RESOURCE_NAME.matcher(reference.target()).matches()) {
                    continue; // reported as a property schema error
                }
                String pointer = at.appendProperty("properties") + reference.pointer();
                Integer targetIndex = indexByName.get(reference.target());
                if (targetIndex == null) {
                    problems.add(new Problem(ProblemCode.RESOURCE_UNKNOWN_DEPENDENCY, pointer,
                            Pointers.readable(pointer) + " names '" + reference.target()
                                    + "', which is not a resource of this blueprint"));
                    continue;
                }
                String targetType = resources.get(targetIndex).path("type").asString("");
                if (catalogue.find(targetType).isPresent() && !reference.property().accepts(targetType)) {
                    problems.add(new Problem(ProblemCode.RESOURCE_WRONG_REFERENCE_TYPE, pointer,
                            Pointers.readable(pointer) + " must name a resource of type "
                                    + String.join(" or ", reference.property().targetTypes()) + ", but '"
                                    + reference.target() + "' is a " + targetType));
                    continue;
                }
                targets.add(reference.target());
                edgePointers.putIfAbsent(name + "\n" + reference.target(), pointer);
            }
            edges.put(name, targets);
        }

        for (List<String> cycle : new DependencyGraph(List.copyOf(indexByName.keySet()), edges).cycles()) {
            String pointer = edgePointers.get(cycle.get(0) + "\n" + cycle.get(1));
            problems.add(new Problem(ProblemCode.RESOURCE_DEPENDENCY_CYCLE, pointer,
                    "resources depend on each other in a cycle: " + String.join(" -> ", cycle)));
        }
    }

    private static JsonNode propertiesOf(JsonNode resource) {
        return resource.has("properties") ? resource.get("properties") : JsonNodeFactory.instance.objectNode();
    }
}
