package io.dharma.launcher.cli;

import java.util.concurrent.Callable;

import io.dharma.operations.TopicCatalogueReport;
import io.dharma.operations.TopicReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dharma topics}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
        description = "The topic catalogue as the cluster has it: partitions, retention, cleanup policy,"
                + " value subject, latest schema version and end offsets.")
public final class TopicsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

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
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
