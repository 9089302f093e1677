package io.dharma.launcher.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.dharma.operations.ReplayProgress;
import io.dharma.operations.ReplayRequest;
import io.dharma.operations.ReplaySummary;
import io.dharma.operations.TopicReplay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dharma replay --topic T [--from ISO] [--to ISO] [--key K] [--tenant T] [--out FILE.jsonl]}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reads a topic between two times across all partitions, writes its records as JSON Lines "
                + "and prints exact counts.",
            "Each line is one record (partition, offset, timestamp, key, headers, value decoded through the registry), "
                + "in offset order per partition. Never commits offsets. Times: ISO-8601, UTC unless an offset is "
                + "given. The window is [--from, --to)."})
public final class ReplayCommand extends KafkaCommand {

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "The topic to read.")
    String topic;

    @Option(names = "--from", paramLabel = "ISO", converter = Times.class, description = "First record time (inclusive).")
    Instant from;

    @Option(names = "--to", paramLabel = "ISO", converter = Times.class, description = "Last record time (exclusive).")
    Instant to;

    @Option(names = "--key", paramLabel = "KEY", description = "Only records with this key (a blueprintId).")
    String key;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "Only events of this tenant (envelope tenantId).")
    String tenant;

    @Option(names = "--out", paramLabel = "FILE.jsonl", description = "Write the records here instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        ReplayRequest request = new ReplayRequest(topic, from, to, key, tenant);
        PrintWriter err = spec.commandLine().getErr();
        ReplaySummary summary;
        if (outFile == null) {
            PrintWriter out = out();
            summary = replay(request, out, err);
            out.flush();
        } else {
            try (BufferedWriter file = Files.newBufferedWriter(outFile); PrintWriter out = new PrintWriter(file)) {
                summary = replay(request, out, err);
            }
        }
        PrintWriter report = outFile == null ? err : out();
        report.printf("%s: %d records read, %d matched, %d undecodable%s%n", topic, summary.read(), summary.matched(),
                summary.undecodable(), outFile == null ? "" : " -> " + outFile);
        report.flush();
        return ExitCodes.OK;
    }

    private ReplaySummary replay(ReplayRequest request, PrintWriter out, PrintWriter err) {
        return new TopicReplay(kafka.cluster()).replay(request, record -> {
            out.println(record.toJsonLine());
            if (out.checkError()) {
                throw new UncheckedIOException(new IOException("Cannot write the replayed records"));
            }
        }, progress(err));
    }

    /** A progress line on a terminal only: redirected output and scripts get just the records and the counts. */
    private static ReplayProgress progress(PrintWriter err) {
        if (System.console() == null) {
            return ReplayProgress.NONE;
        }
        long[] lastPrinted = {0};
        return (read, done, total) -> {
            long now = System.nanoTime();
            if (now - lastPrinted[0] > 250_000_000L || done == total) {
                lastPrinted[0] = now;
                err.printf("\r%d records read, %d of %d offsets (%d%%)", read, done, total, total == 0 ? 100 : done * 100 / total);
                if (done == total) {
                    err.println();
                }
                err.flush();
            }
        };
    }
}
