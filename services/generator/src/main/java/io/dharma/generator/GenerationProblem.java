package io.dharma.generator;

import java.util.Objects;
import java.util.Optional;

/** Why a blueprint (or one of its resources) cannot be turned into Terraform, and how to fix it. */
public record GenerationProblem(Optional<String> resourceName, String message) {

    public GenerationProblem {
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(message, "message");
    }

    public static GenerationProblem of(String resourceName, String message) {
        return new GenerationProblem(Optional.of(resourceName), message);
    }

    public static GenerationProblem general(String message) {
        return new GenerationProblem(Optional.empty(), message);
    }

    @Override
    public String toString() {
        return resourceName.map(name -> name + ": ").orElse("") + message;
    }
}
