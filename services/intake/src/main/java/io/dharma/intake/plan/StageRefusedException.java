package io.dharma.intake.plan;

/**
 * A stage refused the dry run's request (4xx): the caller's credential lacks a role the stage needs,
 * or the caller's rate limit ran out. Its problem answer is relayed to the caller as it came.
 */
public class StageRefusedException extends RuntimeException {

    private final String stage;
    private final int status;
    private final String body;

    public StageRefusedException(String stage, int status, String body) {
        super("the " + stage + " stage answered HTTP " + status);
        this.stage = stage;
        this.status = status;
        this.body = body;
    }

    public String stage() {
        return stage;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
