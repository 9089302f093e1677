package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

import io.dharma.operations.DeadLetters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code dharma dlt list|redrive}: the dead letters of a topic, for operators. */
public final class DeadLetterCommands {

    private DeadLetterCommands() {
    }

    @Command(name = "dlt", mixinStandardHelpOptions = true,
            description = {"Lists and redrives dead letters, the records a service could not process because of "
                    + "the record itself.",
                "A record is dead-lettered when it is unreadable, invalid, or fails the same way while its dependencies "
                    + "answer. An outage of PostgreSQL, the registry or Kafka pauses consumption instead and leaves no "
                    + "dead letters."},
            subcommands = {ListDeadLetters.class, RedriveDeadLetters.class})
    public static final class Dlt {
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the dead letters of a topic's DLT (<topic>.dlt), reading only and committing nothing.",
                "Each shows its DLT partition and offset, key, eventId, where it came from (partition@offset, consumer "
                    + "group) and the failure the platform recorded (dharma-dlt-reason, exception class).",
                "With -o json or yaml: an array with one object per dead letter (topic, partition, offset, key, eventId, "
                    + "originalTopic, originalPartition, originalOffset, consumerGroup, reason, exception)."})
    public static final class ListDeadLetters extends KafkaCommand {

        @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic, or its .dlt.")
        String topic;

        @Mixin
        OutputFormatOption output;

        @Override
        public Integer call() {
            List<DeadLetters.DeadLetter> letters = new DeadLetters(kafka.cluster()).list(topic);
            output.print(out(), Output.tree(letters), out -> {
                Table table = new Table("PARTITION:OFFSET", "KEY", "EVENT ID", "FROM", "GROUP", "EXCEPTION", "REASON");
                for (DeadLetters.DeadLetter letter : letters) {
                    table.row(letter.partition() + ":" + letter.offset(), letter.key(),
                            letter.eventId() == null ? "(unreadable)" : letter.eventId(),
                            letter.originalPartition() + "@" + letter.originalOffset(), letter.consumerGroup(),
                            simpleName(letter.exception()), letter.reason());
                }
                table.print(out);
                out.printf("%s: %d dead letters%n", DeadLetters.deadLetterTopic(topic), letters.size());
            });
            return ExitCodes.OK;
        }

        private static String simpleName(String className) {
            return className == null ? null : className.substring(className.lastIndexOf('.') + 1);
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = {"Writes chosen dead letters back to the topic and partition they came from, with key, "
                    + "value and original headers unchanged (plus dharma-redriven-from); they also stay in the DLT.",
                "Idempotent: consumers deduplicate on the event's eventId, so a record redriven twice, or one already "
                    + "processed, takes effect once. Fix the cause first, or it is dead-lettered again.",
                "--all leaves out unreadable dead letters (no eventId); choose those with --offset."})
    public static final class RedriveDeadLetters extends KafkaCommand {

        @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic, or its .dlt.")
        String topic;

        @Option(names = "--all", description = "Every dead letter that has an eventId.")
        boolean all;

        @Option(names = "--event-id", paramLabel = "UUID", split = ",", description = "Dead letters of these events.")
        Set<String> eventIds = Set.of();

        @Option(names = "--offset", paramLabel = "PARTITION:OFFSET", split = ",",
                description = "Dead letters at these DLT coordinates, as `dharma dlt list` shows them.")
        Set<String> offsets = Set.of();

        @Override
        public Integer call() {
            DeadLetters.Redrive redrive = new DeadLetters(kafka.cluster())
                    .redrive(topic, new DeadLetters.Selection(all, eventIds, offsets));
            PrintWriter out = out();
            for (DeadLetters.DeadLetter letter : redrive.redriven()) {
                out.printf("%s:%d -> %s-%d  %s%n", letter.partition(), letter.offset(), letter.originalTopic(),
                        letter.originalPartition(), letter.eventId() == null ? "(unreadable)" : letter.eventId());
            }
            out.printf("%s: %d of %d dead letters redriven%n", DeadLetters.deadLetterTopic(topic),
                    redrive.redriven().size(), redrive.read());
            out.flush();
            return ExitCodes.OK;
        }
    }
}
