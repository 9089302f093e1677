package io.dharma.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code dharma destroy BLUEPRINT_ID}. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Destroys everything a blueprint deployed and prints the destroy deployment.")
public final class DestroyCommand extends ApiCommand {

    @Parameters(paramLabel = "BLUEPRINT_ID", description = "The blueprint whose resources to destroy.")
    String blueprintId;

    @Override
    public Integer call() {
        JsonNode deployment = api.client().post("/api/v1/blueprints/" + blueprintId + "/destroy", "application/json", "{}");
        out().printf("Destroying blueprint %s: deployment %s, %s%n", blueprintId,
                deployment.path("deploymentId").asString(), deployment.path("status").asString());
        return ExitCodes.OK;
    }
}
