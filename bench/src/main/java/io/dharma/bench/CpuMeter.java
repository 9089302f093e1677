package io.dharma.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time this JVM's threads (grouped by what their names say they do) and the embedded
 * PostgreSQL's processes ({@link #watchPostgres}) used between two snapshots, from Linux's /proc. The embedded platform
 * runs in the bench's JVM, so this is where an operation's CPU goes, and the CPU per operation over
 * the machine's cores is a ceiling on the rate no tuning of waits or batching can pass.
 * Threads that end between the snapshots are not counted. Elsewhere than Linux it measures nothing.
 */
final class CpuMeter {

    /** Linux's USER_HZ, the unit of /proc's utime and stime, on every architecture Java runs on. */
    private static final double TICKS_PER_SECOND = 100;

    /** Thread name prefixes (Linux keeps 15 characters) to the component; the first match wins. */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("C1 Compiler", "JIT compiler"),
            Map.entry("C2 Compiler", "JIT compiler"),
            Map.entry("GC Thread", "garbage collector"),
            Map.entry("G1 ", "garbage collector"),
            Map.entry("kafka-producer-", "Kafka client threads"),
            Map.entry("kafka-coordinat", "Kafka client threads"),
            Map.entry("dharma-streams", "streams application (Kafka Streams)"),
            Map.entry("orchestrator-de", "orchestrator deployment workers"),
            Map.entry("orchestrator-dr", "orchestrator drift observer"),
            Map.entry("dharma-outbox-", "outbox relay"),
            Map.entry("ForkJoinPool", "virtual threads (HTTP requests, Kafka listeners)"),
            Map.entry("tomcat-handler", "HTTP requests"),
            Map.entry("http-nio-", "HTTP requests"),
            Map.entry("HttpClient-", "load driver"),
            Map.entry("bench-", "load driver"),
            Map.entry("schema-log-rea", "schema registry"),
            Map.entry("data-plane-", "Kafka broker"),
            Map.entry("kafka-", "Kafka broker"),
            Map.entry("TxnMarkerSende", "Kafka broker"),
            Map.entry("group-coordina", "Kafka broker"),
            Map.entry("AddPartitionsT", "Kafka broker"),
            Map.entry("ExpirationReap", "Kafka broker"),
            Map.entry("broker-", "Kafka broker"),
            Map.entry("controller-", "Kafka broker"),
            Map.entry("quorum", "Kafka broker"),
            Map.entry("share-", "Kafka broker"),
            Map.entry("transaction-", "Kafka broker"));

    private static final String POSTGRES = "PostgreSQL (child processes)";
    private static final String OTHER = "other JVM threads";

    /** CPU seconds by component at one moment. */
    record Snapshot(Map<String, Double> seconds, long atNanos) {
    }

    /** CPU seconds by component between two snapshots, largest first, and the wall-clock seconds between them. */
    record Usage(Map<String, Double> seconds, double wallSeconds) {

        double total() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        boolean measured() {
            return !seconds.isEmpty();
        }

        /** Lines of CPU milliseconds per operation by component, and the ceiling the total sets on this machine. */
        List<String> perOperation(long operations, String operation) {
            if (!measured() || operations == 0) {
                return List.of("  CPU: not measured (needs Linux /proc and at least one " + operation + ")");
            }
            int cores = Runtime.getRuntime().availableProcessors();
            double perOp = 1000 * total() / operations;
            Stream<String> head = Stream.of("  CPU: %s ms per %s (%.0f %% of %d cores busy over %.0f s); at 100 %% of the cores: %,.0f/s at most"
                    .formatted(millis(perOp), operation, 100 * total() / wallSeconds / cores, cores, wallSeconds, ceiling(operations)));
            Stream<String> parts = seconds.entrySet().stream()
                    .filter(part -> part.getValue() / total() >= 0.01)
                    .map(part -> "    %8s ms  %4.1f %%  %s".formatted(millis(1000 * part.getValue() / operations),
                            100 * part.getValue() / total(), part.getKey()));
            return Stream.concat(head, parts).toList();
        }

        /** Two decimals, or three significant digits below 0.1 ms (a replayed record costs microseconds). */
        static String millis(double value) {
            return value >= 0.1 ? "%.2f".formatted(value) : "%.3g".formatted(value);
        }

        /** Operations per second the machine's cores could do at most at this CPU cost. */
        double ceiling(long operations) {
            return Runtime.getRuntime().availableProcessors() / (total() / operations);
        }
    }

    private CpuMeter() {
    }

    static Snapshot now() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            threads.forEach(thread -> ticks(thread).ifPresent(ticks ->
                    seconds.merge(component(name(thread)), ticks / TICKS_PER_SECOND, Double::sum)));
        } catch (IOException | RuntimeException e) {
            return new Snapshot(Map.of(), System.nanoTime());
        }
        postgresProcesses().forEach(process -> ticks(Path.of("/proc", String.valueOf(process.pid())))
                .ifPresent(ticks -> seconds.merge(POSTGRES, ticks / TICKS_PER_SECOND, Double::sum)));
        return new Snapshot(seconds, System.nanoTime());
    }

    /** Counts the embedded PostgreSQL listening on {@code port} from now on (it runs detached, not as a child). */
    static void watchPostgres(int port) {
        postgresPort = port;
    }

    private static volatile int postgresPort;

    /** The postmaster started with {@code -p <port>} and its backends. */
    private static Stream<ProcessHandle> postgresProcesses() {
        int port = postgresPort;
        if (port == 0) {
            return Stream.empty();
        }
        String portArgument = "\0-p\0" + port + "\0";
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command().map(command -> command.endsWith("/postgres")).orElse(false))
                .filter(process -> commandLine(process.pid()).contains(portArgument))
                .flatMap(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.descendants()));
    }

    private static String commandLine(long pid) {
        try {
            return "\0" + Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    static Usage between(Snapshot before, Snapshot after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.seconds().forEach((component, seconds) -> {
            double delta = seconds - before.seconds().getOrDefault(component, 0.0);
            if (delta > 0) {
                used.put(component, delta);
            }
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(part -> sorted.put(part.getKey(), part.getValue()));
        return new Usage(sorted, (after.atNanos() - before.atNanos()) / 1e9);
    }

    private static String component(String threadName) {
        return COMPONENTS.stream().filter(prefix -> threadName.startsWith(prefix.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(OTHER);
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** utime + stime of a thread or process; empty if it ended meanwhile. */
    private static Optional<Long> ticks(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            // The name in parentheses may hold spaces: fields are counted after its closing parenthesis.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
