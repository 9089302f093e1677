package io.dharma.blueprint;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where and how a blueprint is deployed, and the resources it consists of (in document order). */
public record BlueprintSpec(
        Cloud cloud, String region, Optional<Budget> budget, Approval approval, List<ResourceSpec> resources) {

    public BlueprintSpec {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(approval, "approval");
        resources = List.copyOf(Objects.requireNonNull(resources, "resources"));
    }

    /** The resource called {@code name}, if the blueprint has one. */
    public Optional<ResourceSpec> resource(String name) {
        return resources.stream().filter(resource -> resource.name().equals(name)).findFirst();
    }
}
