package io.dharma.launcher.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma approve|reject DEPLOYMENT_ID [--comment TEXT]}: an approver's decision. */
public final class DecisionCommands {

    private DecisionCommands() {
    }

    abstract static class Decision extends ApiCommand {

        @Parameters(paramLabel = "DEPLOYMENT_ID", description = "The deployment awaiting approval.")
        String deploymentId;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why (kept with the decision).")
        String comment;

        abstract String action();

        @Override
        public Integer call() {
            ObjectNode body = PlatformClient.JSON.createObjectNode();
            if (comment != null) {
                body.put("comment", comment);
            }
            JsonNode deployment = api.client().post("/api/v1/deployments/" + deploymentId + "/" + action(),
                    "application/json", body.toString());
            out().printf("Deployment %s: %s%s%n", deploymentId, deployment.path("status").asString(),
                    deployment.path("decidedBy").isString() ? " (decided by " + deployment.path("decidedBy").asString() + ")" : "");
            return ExitCodes.OK;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true,
            description = "Approves a deployment awaiting approval, which then plans and applies.")
    public static final class Approve extends Decision {
        @Override
        String action() {
            return "approve";
        }
    }

    @Command(name = "reject", mixinStandardHelpOptions = true,
            description = "Rejects a deployment awaiting approval, which ends there.")
    public static final class Reject extends Decision {
        @Override
        String action() {
            return "reject";
        }
    }
}
