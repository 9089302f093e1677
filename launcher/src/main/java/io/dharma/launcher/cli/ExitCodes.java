package io.dharma.launcher.cli;

/** What the {@code dharma} command's exit status means, for scripts. */
public final class ExitCodes {

    public static final int OK = 0;
    /** The command could not do its job: unreachable broker or API, unknown topic, refused request. */
    public static final int FAILURE = 1;
    /** Bad command line: unknown option, bad time format (picocli's own code). */
    public static final int USAGE = 2;
    /** The command worked but the submission ended badly: blocked, failed, rejected, IaC failed. */
    public static final int UNSUCCESSFUL_OUTCOME = 3;

    private ExitCodes() {
    }
}
