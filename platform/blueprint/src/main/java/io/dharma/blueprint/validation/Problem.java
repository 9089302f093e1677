package io.dharma.blueprint.validation;

import java.util.Objects;

/**
 * One problem with a submitted blueprint: a stable {@link ProblemCode}, a JSON Pointer
 * (RFC 6901) to the offending place in the submitted document ({@code ""} is the whole
 * document; for a missing field, the field that should be there) and a message for people.
 */
public record Problem(ProblemCode code, String pointer, String message) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return code.id() + " at '" + pointer + "': " + message;
    }
}
