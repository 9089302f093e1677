package io.dharma.launcher.cli;

import java.io.PrintWriter;

import io.dharma.operations.AuditEntry;
import io.dharma.operations.AuditTimeline;
import io.dharma.operations.BlueprintAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma audit BLUEPRINT_ID [--json]}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"A blueprint's full timeline across every lifecycle topic, read from Kafka,",
            "ordered by when each event happened. The same timeline as GET /api/v1/audit/blueprints/{id}."})
public final class AuditCommand extends KafkaCommand {

    @Parameters(paramLabel = "BLUEPRINT_ID")
    String blueprintId;

    @Option(names = "--json", description = "Print {\"blueprintId\", \"entries\": [...]} for machines.")
    boolean json;

    @Override
    public Integer call() {
        AuditTimeline timeline = new BlueprintAudit(kafka.cluster()).timeline(blueprintId);
        if (timeline.entries().isEmpty()) {
            throw new CliException("No events for blueprint " + blueprintId + " on any lifecycle topic");
        }
        PrintWriter out = out();
        if (json) {
            out.println(toJson(timeline));
            return ExitCodes.OK;
        }
        Table table = new Table("TIME", "TOPIC", "EVENT", "VERSION", "EVENT ID", "CAUSED BY", "SUMMARY");
        for (AuditEntry e : timeline.entries()) {
            table.row(e.time(), e.topic() + "/" + e.partition() + "@" + e.offset(), e.eventType(), e.version(),
                    e.eventId(), e.causationId(), e.summary());
        }
        table.print(out);
        return ExitCodes.OK;
    }

    static String toJson(AuditTimeline timeline) {
        ObjectNode root = PlatformClient.JSON.createObjectNode().put("blueprintId", timeline.blueprintId());
        ArrayNode entries = root.putArray("entries");
        for (AuditEntry e : timeline.entries()) {
            entries.addObject()
                    .put("time", e.time().toString()).put("topic", e.topic()).put("partition", e.partition())
                    .put("offset", e.offset()).put("eventType", e.eventType()).put("eventId", e.eventId())
                    .put("causationId", e.causationId()).put("version", e.version()).put("trackingId", e.trackingId())
                    .put("deploymentId", e.deploymentId()).put("tenantId", e.tenantId()).put("summary", e.summary());
        }
        return root.toString();
    }
}
