package io.dharma.launcher.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dharma.operations.TopicTail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dharma tail TOPIC}. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Prints a topic's records as JSON Lines as they arrive, decoded through the registry, until "
                + "Ctrl-C.",
            "Joins no consumer group and commits nothing. Each line is one JSON object "
                + "{topic, partition, offset, timestamp, key, headers, value}."})
public final class TailCommand extends KafkaCommand {

    @Parameters(paramLabel = "TOPIC", description = "The topic to follow, e.g. dharma.deployments.v1.")
    String topic;

    @Option(names = "--from-beginning", description = "Start with the topic's oldest records instead of new ones.")
    boolean fromBeginning;

    @Option(names = "--max-records", paramLabel = "N", description = "Stop after N records (default: follow until Ctrl-C).")
    Long maxRecords;

    @Override
    public Integer call() {
        PrintWriter out = out();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread stopOnCtrlC = new Thread(() -> stopped.set(true), "dharma-tail-stop");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        long[] shown = {0};
        try {
            new TopicTail(kafka.cluster()).follow(topic, fromBeginning, record -> {
                out.println(record.toJsonLine());
                out.flush();
                shown[0]++;
            }, () -> stopped.get() || (maxRecords != null && shown[0] >= maxRecords));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running
            }
        }
        return ExitCodes.OK;
    }
}
