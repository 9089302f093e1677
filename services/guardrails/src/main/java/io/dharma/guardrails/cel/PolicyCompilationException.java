package io.dharma.guardrails.cel;

import java.util.List;

/** A policy's expressions do not compile; the message is the compiler's report, errors the details. */
public class PolicyCompilationException extends Exception {

    private final List<CompilationError> errors;

    public PolicyCompilationException(String message, List<CompilationError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<CompilationError> errors() {
        return errors;
    }
}
