package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code dharma submit FILE [--wait]}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = {"Submits a blueprint (.yaml/.yml or .json) and prints its tracking id.",
            "With --wait, follows the submission stage by stage until it ends: exit 0 when deployed, 3 when blocked, "
                + "failed, rejected or the IaC could not be generated."})
public final class SubmitCommand extends ApiCommand {

    private static final int RECONNECTS = 3;

    @Mixin
    BlueprintFile blueprint;

    @Option(names = "--wait", description = "Follow the stages as they happen until the submission ends.")
    boolean waitForEnd;

    @Override
    public Integer call() {
        PrintWriter out = out();
        PlatformClient client = api.client();
        JsonNode accepted = client.post("/api/v1/blueprints", blueprint.contentType(), blueprint.read());
        String trackingId = accepted.path("trackingId").asString();
        out.printf("Accepted: blueprint %s version %s, tracking id %s%n", accepted.path("blueprintId").asString(),
                accepted.path("version").asString(), trackingId);
        out.flush();
        if (!waitForEnd) {
            out.println(trackingId);
            return ExitCodes.OK;
        }
        return follow(client, trackingId, out);
    }

    /** Prints each stage as the server sends it; reconnects with Last-Event-ID if the stream drops before the end. */
    static int follow(PlatformClient client, String trackingId, PrintWriter out) {
        AtomicReference<String> lastEventId = new AtomicReference<>();
        AtomicReference<JsonNode> end = new AtomicReference<>();
        for (int attempt = 0; attempt <= RECONNECTS && end.get() == null; attempt++) {
            try (Stream<String> lines = client.stream("/api/v1/tracking/" + trackingId + "/events", lastEventId.get())) {
                Iterator<String> iterator = lines.iterator();
                ServerSentEvents.read(iterator, event -> {
                    if ("end".equals(event.name())) {
                        end.set(PlatformClient.JSON.readTree(event.data()));
                        return false;
                    }
                    if ("stage".equals(event.name())) {
                        lastEventId.set(event.id());
                        printStage(client, trackingId, PlatformClient.JSON.readTree(event.data()), out);
                    }
                    return true;
                });
            }
        }
        if (end.get() == null) {
            throw new CliException("The stage stream of " + trackingId + " ended before the submission did; see `dharma status "
                    + trackingId + "`");
        }
        String status = end.get().path("status").asString();
        out.println("Ended: " + status);
        out.flush();
        return Stages.UNSUCCESSFUL.contains(status) ? ExitCodes.UNSUCCESSFUL_OUTCOME : ExitCodes.OK;
    }

    private static void printStage(PlatformClient client, String trackingId, JsonNode stage, PrintWriter out) {
        out.println(Stages.line(stage));
        String status = stage.path("status").asString();
        if (Stages.UNSUCCESSFUL.contains(status) && !Stages.reasons(stage).isEmpty()) {
            out.println("  blocked by: " + Stages.reasons(stage));
            Stages.messages(stage).forEach(message -> out.println("    - " + message));
        }
        if ("AWAITING_APPROVAL".equals(status)) {
            String deploymentId = stage.path("detail").path("deploymentId").asString(null);
            if (deploymentId == null) {
                deploymentId = client.get("/api/v1/tracking/" + trackingId).path("deploymentId").asString("DEPLOYMENT_ID");
            }
            out.println("  waiting for an approver: dharma approve " + deploymentId + "  (or dharma reject " + deploymentId + ")");
        }
        out.flush();
    }
}
