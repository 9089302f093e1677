package io.dharma.guardrails.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A policy document whose fields break the rules of {@link PolicyValidator}; lists every problem. */
public class InvalidPolicyException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidPolicyException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
