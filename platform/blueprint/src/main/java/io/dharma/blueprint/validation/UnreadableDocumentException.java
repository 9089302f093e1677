package io.dharma.blueprint.validation;

/** A document could not be read; {@link #problem()} says why, with a code of kind UNREADABLE. */
public class UnreadableDocumentException extends Exception {

    private final transient Problem problem;

    public UnreadableDocumentException(Problem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    UnreadableDocumentException(ProblemCode code, String message) {
        this(new Problem(code, "", message));
    }

    public Problem problem() {
        return problem;
    }
}
