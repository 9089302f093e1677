package io.dharma.launcher.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code dharma destroy BLUEPRINT_ID}. */
@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = "Destroys everything a blueprint deployed; prints the destroy deployment.")
public final class DestroyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(paramLabel = "BLUEPRINT_ID")
    String blueprintId;

    @Override
    public Integer call() {
        JsonNode deployment = api.client().post("/api/v1/blueprints/" + blueprintId + "/destroy", "application/json", "{}");
        spec.commandLine().getOut().printf("Destroying blueprint %s: deployment %s, %s%n", blueprintId,
                deployment.path("deploymentId").asString(), deployment.path("status").asString());
        return ExitCodes.OK;
    }
}
