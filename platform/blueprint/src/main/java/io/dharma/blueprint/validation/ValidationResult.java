package io.dharma.blueprint.validation;

import io.dharma.blueprint.Blueprint;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating a submitted document: a valid {@link Blueprint}, a list of
 * problems (HTTP 422), or a document that could not be read at all (HTTP 400).
 */
public sealed interface ValidationResult {

    /** Every problem found; empty exactly when the result is {@link Valid}. */
    List<Problem> problems();

    default boolean isValid() {
        return this instanceof Valid;
    }

    record Valid(Blueprint blueprint) implements ValidationResult {
        public Valid {
            Objects.requireNonNull(blueprint, "blueprint");
        }

        @Override
        public List<Problem> problems() {
            return List.of();
        }
    }

    /** The document was read; {@code problems} are all its structural problems, in document order. */
    record Invalid(List<Problem> problems) implements ValidationResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one problem");
            }
        }
    }

    /** The document could not be read (syntax, size, depth, alias limits). */
    record Unreadable(Problem problem) implements ValidationResult {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
            if (problem.code().kind() != ProblemCode.Kind.UNREADABLE) {
                throw new IllegalArgumentException(problem.code() + " does not make a document unreadable");
            }
        }

        @Override
        public List<Problem> problems() {
            return List.of(problem);
        }
    }
}
