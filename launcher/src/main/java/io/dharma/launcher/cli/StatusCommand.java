package io.dharma.launcher.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code dharma status TRACKING_ID}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows where a submission is: its status and every stage so far.")
public final class StatusCommand extends ApiCommand {

    @Parameters(paramLabel = "TRACKING_ID")
    String trackingId;

    @Option(names = "--json", description = "Print the API's JSON instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = out();
        JsonNode tracking = api.client().get("/api/v1/tracking/" + trackingId);
        if (json) {
            out.println(tracking.toPrettyString());
            return ExitCodes.OK;
        }
        out.printf("Tracking %s: %s%n", trackingId, tracking.path("status").asString());
        out.printf("  blueprint %s version %s%n", tracking.path("blueprintId").asString(), tracking.path("version").asString());
        if (!tracking.path("deploymentId").isNull() && !tracking.path("deploymentId").isMissingNode()) {
            out.printf("  deployment %s%n", tracking.path("deploymentId").asString());
        }
        tracking.path("stages").forEach(stage -> out.println("  " + Stages.line(stage)));
        return ExitCodes.OK;
    }
}
