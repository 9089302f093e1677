package io.dharma.launcher.cli;

import io.dharma.operations.TopicCatalogueReport;
import io.dharma.operations.TopicReport;
import picocli.CommandLine.Command;

/** {@code dharma topics}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "The topic catalogue as the cluster has it: partitions, retention, cleanup policy,"
                + " value subject, latest schema version and end offsets.")
public final class TopicsCommand extends KafkaCommand {

    @Override
    public Integer call() {
        Table table = new Table("TOPIC", "PARTITIONS", "RETENTION.MS", "CLEANUP", "SUBJECT", "SCHEMA", "END OFFSETS");
        for (TopicReport topic : new TopicCatalogueReport(kafka.cluster()).report()) {
            if (!topic.exists()) {
                table.row(topic.topic(), "missing", null, null, topic.subject(), topic.latestSchemaVersion(), null);
                continue;
            }
            table.row(topic.topic(), topic.partitions(), topic.retentionMs(), topic.cleanupPolicy(), topic.subject(),
                    topic.latestSchemaVersion() == null ? "none" : "v" + topic.latestSchemaVersion(), topic.endOffsets());
        }
        table.print(out());
        return ExitCodes.OK;
    }
}
