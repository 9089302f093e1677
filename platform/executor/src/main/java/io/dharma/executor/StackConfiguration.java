package io.dharma.executor;

import java.util.Objects;
import java.util.Optional;

/**
 * What one blueprint version deploys, in the two forms an executor may work from: the desired
 * state mapped from the blueprint (the sandbox) and the Terraform generated for it (the Terraform
 * executor). The desired state names every resource's catalogue type for both.
 *
 * @param terraform the version's generated Terraform; null where the generator's event is not known
 */
public record StackConfiguration(DesiredState desired, GeneratedTerraform terraform) {

    public StackConfiguration {
        Objects.requireNonNull(desired, "desired");
    }

    public Optional<GeneratedTerraform> generated() {
        return Optional.ofNullable(terraform);
    }

    /** The catalogue type of a blueprint resource, or "unknown" when the desired state does not have it. */
    public String typeOf(String resourceName) {
        return desired.resources().stream()
                .filter(resource -> resource.name().equals(resourceName))
                .map(DesiredResource::type)
                .findFirst()
                .orElse("unknown");
    }
}
