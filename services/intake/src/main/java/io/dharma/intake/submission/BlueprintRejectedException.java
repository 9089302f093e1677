package io.dharma.intake.submission;

import io.dharma.blueprint.validation.ValidationResult;

/** The document is unreadable or not a valid blueprint; {@link #result()} holds every problem. */
public class BlueprintRejectedException extends RuntimeException {

    private final transient ValidationResult result;

    public BlueprintRejectedException(ValidationResult result) {
        super("blueprint rejected: " + result.problems());
        this.result = result;
    }

    public ValidationResult result() {
        return result;
    }
}
