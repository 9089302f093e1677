package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import io.dharma.operations.PartitionReset;
import io.dharma.operations.StateRebuild;
import io.dharma.operations.StateRebuildPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma rebuild-state}. */
@Command(name = "rebuild-state", mixinStandardHelpOptions = true,
        description = {"Makes the streams application rebuild its state stores from the lifecycle topics, as "
                + "Kafka's application reset tool does.",
            "The streams application (streams-topology/, Kafka Streams application id " + StateRebuild.APPLICATION_ID
                + ") gets its input offsets back to the earliest and its changelog and repartition topics deleted. "
                + "Refuses while the application runs: stop the platform first, then start it again afterwards.",
            "With -o json or yaml: {applicationId, applied, inputResets: [{topic, partition, current, target}], "
                + "internalTopics, localStateDir}."})
public final class RebuildStateCommand extends KafkaCommand {

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "The Kafka Streams state.dir; its " + StateRebuild.APPLICATION_ID + " directory is deleted too. "
                    + "Default: $DHARMA_HOME/state (./.dharma/state), where `dharma up` keeps it.")
    Path stateDir = defaultStateDir();

    @Option(names = "--dry-run", description = "Only show what would be reset and deleted.")
    boolean dryRun;

    @Mixin
    OutputFormatOption output;

    private static Path defaultStateDir() {
        String home = System.getenv("DHARMA_HOME");
        return Path.of(home == null || home.isBlank() ? ".dharma" : home).resolve("state");
    }

    @Override
    public Integer call() {
        StateRebuild rebuild = new StateRebuild(kafka.cluster());
        StateRebuildPlan plan = dryRun ? rebuild.plan() : rebuild.execute(stateDir);
        output.print(out(), toJson(plan), out -> print(plan, out));
        return ExitCodes.OK;
    }

    private static void print(StateRebuildPlan plan, PrintWriter out) {
        String verb = plan.applied() ? "" : "would be ";
        out.printf("Input partitions %sreset to earliest: %d%n", verb, plan.inputResets().size());
        for (PartitionReset p : plan.inputResets()) {
            out.printf("  %s  %s -> %d%n", p.partition(), p.current() == null ? "none" : p.current(), p.target());
        }
        out.printf("Internal topics %sdeleted: %s%n", verb, plan.internalTopics().isEmpty() ? "none" : String.join(", ", plan.internalTopics()));
        if (plan.localStateDir() != null) {
            out.printf("Local state %sdeleted: %s%n", verb, plan.localStateDir());
        } else {
            out.printf("Delete the local state directory <state.dir>/%s before starting again (or pass --state-dir).%n",
                    plan.applicationId());
        }
    }

    static ObjectNode toJson(StateRebuildPlan plan) {
        ObjectNode root = PlatformClient.JSON.createObjectNode().put("applicationId", plan.applicationId())
                .put("applied", plan.applied());
        ReprocessCommand.putResets(root.putArray("inputResets"), plan.inputResets());
        plan.internalTopics().forEach(root.putArray("internalTopics")::add);
        root.put("localStateDir", plan.localStateDir() == null ? null : plan.localStateDir().toString());
        return root;
    }
}
