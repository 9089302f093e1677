package io.dharma.launcher.cli;

import java.util.List;

import io.dharma.operations.TopicCatalogueReport;
import io.dharma.operations.TopicReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dharma topics [-o table|json|yaml]}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = {"Shows the topic catalogue as the cluster has it: partitions, retention, cleanup policy, "
                + "value subject, latest schema version and end offsets.",
            "With -o json or yaml: an array with one object per topic (topic, deadLetter, exists, partitions, "
                + "retentionMs, cleanupPolicy, subject, latestSchemaVersion, endOffsets)."})
public final class TopicsCommand extends KafkaCommand {

    @Mixin
    OutputFormatOption output;

    @Override
    public Integer call() {
        List<TopicReport> topics = new TopicCatalogueReport(kafka.cluster()).report();
        output.print(out(), Output.tree(topics), out -> {
            Table table = new Table("TOPIC", "PARTITIONS", "RETENTION.MS", "CLEANUP", "SUBJECT", "SCHEMA", "END OFFSETS");
            for (TopicReport topic : topics) {
                if (!topic.exists()) {
                    table.row(topic.topic(), "missing", null, null, topic.subject(), topic.latestSchemaVersion(), null);
                    continue;
                }
                table.row(topic.topic(), topic.partitions(), topic.retentionMs(), topic.cleanupPolicy(), topic.subject(),
                        topic.latestSchemaVersion() == null ? "none" : "v" + topic.latestSchemaVersion(), topic.endOffsets());
            }
            table.print(out);
        });
        return ExitCodes.OK;
    }
}
