package io.dharma.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code dharma status TRACKING_ID [-o table|json|yaml]}. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows where a submission is: its status, its blueprint and deployment, and every stage so far.")
public final class StatusCommand extends ApiCommand {

    @Parameters(paramLabel = "TRACKING_ID", description = "The tracking id `dharma submit` printed.")
    String trackingId;

    @Mixin
    OutputFormatOption output;

    @Override
    public Integer call() {
        JsonNode tracking = api.client().get("/api/v1/tracking/" + trackingId);
        output.print(out(), tracking, out -> {
            out.printf("Tracking %s: %s%n", trackingId, tracking.path("status").asString());
            out.printf("  blueprint %s version %s%n", tracking.path("blueprintId").asString(), tracking.path("version").asString());
            if (!tracking.path("deploymentId").isNull() && !tracking.path("deploymentId").isMissingNode()) {
                out.printf("  deployment %s%n", tracking.path("deploymentId").asString());
            }
            tracking.path("stages").forEach(stage -> out.println("  " + Stages.line(stage)));
        });
        return ExitCodes.OK;
    }
}
