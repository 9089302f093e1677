package io.dharma.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.validation.BlueprintValidator;
import io.dharma.blueprint.validation.DocumentFormat;
import io.dharma.blueprint.validation.ValidationResult;
import io.dharma.executor.DesiredResource;
import io.dharma.executor.DesiredState;
import io.dharma.testing.ExampleBlueprints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Blueprints for tests (the repository's examples come from {@link ExampleBlueprints}), and edits of desired states for "version 2" of them. */
final class Blueprints {

    private static final BlueprintValidator VALIDATOR = new BlueprintValidator();

    private Blueprints() {
    }

    static Blueprint example(String file) {
        return ExampleBlueprints.blueprint(file);
    }

    static Blueprint parse(String yaml) {
        ValidationResult result = VALIDATOR.validate(yaml, DocumentFormat.YAML);
        assertThat(result.problems()).isEmpty();
        return ((ValidationResult.Valid) result).blueprint();
    }

    /** {@code state} with one resource's attributes edited. */
    static DesiredState withAttributes(DesiredState state, String name, UnaryOperator<Map<String, Object>> edit) {
        List<DesiredResource> resources = new ArrayList<>();
        for (DesiredResource resource : state.resources()) {
            if (resource.name().equals(name)) {
                resource = new DesiredResource(name, resource.type(), edit.apply(new HashMap<>(resource.attributes())),
                        resource.dependsOn());
            }
            resources.add(resource);
        }
        return new DesiredState(resources);
    }

    static Map<String, Object> set(Map<String, Object> attributes, String name, Object value) {
        attributes.put(name, value);
        return attributes;
    }

    static DesiredState without(DesiredState state, String... names) {
        List<String> removed = List.of(names);
        return new DesiredState(state.resources().stream().filter(r -> !removed.contains(r.name())).toList());
    }
}
