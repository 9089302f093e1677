package io.dharma.launcher.cli;

import io.dharma.operations.AuditEntry;
import io.dharma.operations.AuditTimeline;
import io.dharma.operations.BlueprintAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code dharma audit BLUEPRINT_ID [-o table|json|yaml]}. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Shows a blueprint's full timeline across every lifecycle topic, read from Kafka and "
                + "ordered by when each event happened.",
            "With -o json or yaml: {\"blueprintId\", \"entries\": [...]}, the timeline GET "
                + "/api/v1/audit/blueprints/{id} serves."})
public final class AuditCommand extends KafkaCommand {

    @Parameters(paramLabel = "BLUEPRINT_ID", description = "The blueprint whose events to show.")
    String blueprintId;

    @Mixin
    OutputFormatOption output;

    @Override
    public Integer call() {
        AuditTimeline timeline = new BlueprintAudit(kafka.cluster()).timeline(blueprintId);
        if (timeline.entries().isEmpty()) {
            throw new CliException("No events for blueprint " + blueprintId + " on any lifecycle topic");
        }
        output.print(out(), toJson(timeline), out -> {
            Table table = new Table("TIME", "TOPIC", "EVENT", "VERSION", "EVENT ID", "CAUSED BY", "SUMMARY");
            for (AuditEntry e : timeline.entries()) {
                table.row(e.time(), e.topic() + "/" + e.partition() + "@" + e.offset(), e.eventType(), e.version(),
                        e.eventId(), e.causationId(), e.summary());
            }
            table.print(out);
        });
        return ExitCodes.OK;
    }

    static ObjectNode toJson(AuditTimeline timeline) {
        ObjectNode root = PlatformClient.JSON.createObjectNode().put("blueprintId", timeline.blueprintId());
        ArrayNode entries = root.putArray("entries");
        for (AuditEntry e : timeline.entries()) {
            entries.addObject()
                    .put("time", e.time().toString()).put("topic", e.topic()).put("partition", e.partition())
                    .put("offset", e.offset()).put("eventType", e.eventType()).put("eventId", e.eventId())
                    .put("causationId", e.causationId()).put("version", e.version()).put("trackingId", e.trackingId())
                    .put("deploymentId", e.deploymentId()).put("tenantId", e.tenantId()).put("summary", e.summary());
        }
        return root;
    }
}
