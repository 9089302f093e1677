package io.dharma.launcher.cli;

import java.time.Instant;
import java.util.List;

import io.dharma.operations.ConsumerGroupReset;
import io.dharma.operations.GroupResetPlan;
import io.dharma.operations.PartitionReset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma reprocess --group G --to-datetime ISO [--execute]}. */
@Command(name = "reprocess", mixinStandardHelpOptions = true,
        description = {"Resets a consumer group to the first records at or after a time, so that its service "
                + "processes them again.",
            "Shows the current and target offsets (dry run) unless --execute. Refuses while the group has active "
                + "members: stop the service first.",
            "With -o json or yaml: {groupId, to, applied, partitions: [{topic, partition, current, target}]}."})
public final class ReprocessCommand extends KafkaCommand {

    @Option(names = "--group", required = true, paramLabel = "GROUP", description = "Consumer group, e.g. dharma-guardrails.")
    String group;

    @Option(names = "--to-datetime", required = true, paramLabel = "ISO", converter = Times.class,
            description = "Reprocess from the first records at or after this time (ISO-8601, UTC unless an offset is given).")
    Instant to;

    @Option(names = "--execute", description = "Apply the reset (default: only show it).")
    boolean execute;

    @Mixin
    OutputFormatOption output;

    @Override
    public Integer call() {
        ConsumerGroupReset reset = new ConsumerGroupReset(kafka.cluster());
        GroupResetPlan plan = execute ? reset.execute(group, to) : reset.plan(group, to);
        output.print(out(), toJson(plan), out -> {
            Table table = new Table("TOPIC", "PARTITION", "CURRENT", "TARGET");
            for (PartitionReset p : plan.partitions()) {
                table.row(p.partition().topic(), p.partition().partition(), p.current() == null ? "none" : p.current(), p.target());
            }
            table.print(out);
            out.println(plan.applied()
                    ? "Reset " + group + " to " + to + "."
                    : "Dry run: nothing changed. Add --execute to reset " + group + " to " + to + ".");
        });
        return ExitCodes.OK;
    }

    static ObjectNode toJson(GroupResetPlan plan) {
        ObjectNode root = PlatformClient.JSON.createObjectNode().put("groupId", plan.groupId())
                .put("to", plan.to().toString()).put("applied", plan.applied());
        putResets(root.putArray("partitions"), plan.partitions());
        return root;
    }

    /** {topic, partition, current, target} per partition; current is null where the group never committed. */
    static void putResets(ArrayNode array, List<PartitionReset> resets) {
        resets.forEach(p -> array.addObject().put("topic", p.partition().topic()).put("partition", p.partition().partition())
                .put("current", p.current()).put("target", p.target()));
    }
}
