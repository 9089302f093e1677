package io.dharma.intake.plan;

/** A stage a dry run needs cannot answer now (down, timing out, failing): the plan answers 503 naming it. */
public class StageUnavailableException extends RuntimeException {

    private final String stage;

    public StageUnavailableException(String stage, String reason) {
        super("the " + stage + " stage is unavailable: " + reason);
        this.stage = stage;
    }

    public String stage() {
        return stage;
    }
}
