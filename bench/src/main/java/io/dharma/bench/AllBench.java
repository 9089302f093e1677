package io.dharma.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every driver, one after the other in this one process, then one table: each rate next to the
 * two references measured in the same run (a raw Kafka producer and raw PostgreSQL commits, the
 * limits of this machine for a durable write), with the targets of the write-path work, and how the
 * cost of a query and of a replay grows when the data grows tenfold.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Runs every driver in one process and prints one table: each figure as a share of the raw Kafka",
            "producer and raw PostgreSQL commit rates measured in the same run, the targets, and how query and replay",
            "costs grow with the data (10k -> 100k deployments, 100k -> 1M replayed records). About 13 minutes on 2 cores."})
final class AllBench implements Callable<Integer> {

    /** The targets (issue 14), by the start of a figure's name. */
    private static final Map<String, String> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("submissions,", ">= 2,000/s");
        TARGETS.put("submission p99", "<= 50 ms");
        TARGETS.put("submit to SUCCEEDED,", ">= 300/s");
        TARGETS.put("submit to SUCCEEDED p99", "<= 2,000 ms");
        TARGETS.put("consumer to dharma.iac", ">= 2,000/s");
        TARGETS.put("consumer to dharma.guardrails", ">= 2,000/s");
        TARGETS.put("consumer to dharma.costs", ">= 2,000/s");
        TARGETS.put("state fold", ">= 10,000/s");
        TARGETS.put("query lookups", ">= 15,000/s");
        TARGETS.put("query lookup p99", "<= 5 ms");
        TARGETS.put("tenant's first page,", ">= 2,000/s");
        TARGETS.put("replay", ">= 100,000/s");
    }

    @Option(names = "--no-growth", description = "Skip the large runs (100k deployments, 1M records): no growth figures.")
    boolean noGrowth;

    @Option(names = "--deployments", split = ",", defaultValue = "10000,100000",
            description = "Deployments in the stores for the query runs, small and large (default ${DEFAULT-VALUE}).")
    List<Integer> deployments;

    @Option(names = "--replay-records", split = ",", defaultValue = "100000,1000000",
            description = "Records on the topic for the replay runs, small and large (default ${DEFAULT-VALUE}).")
    List<Integer> replayRecords;

    @Option(names = "--pipeline-rate", defaultValue = "8",
            description = "Offered submissions/s of the pipeline run (default ${DEFAULT-VALUE}: about what 2 cores sustain).")
    int pipelineRate;

    @Option(names = "--submission-clients", defaultValue = "32", description = "Concurrent submitting clients (default ${DEFAULT-VALUE}).")
    int submissionClients;

    private final List<Figures.Figure> table = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (deployments.size() != 2 || replayRecords.size() != 2) {
            throw new IllegalArgumentException("--deployments and --replay-records take two sizes, small and large");
        }
        System.out.println(Machine.describe());
        double producer = only(run(new ProducerBench()));
        double postgres = only(run(new PostgresCommitBench()));
        run(new SubmissionBench(), "--clients", String.valueOf(submissionClients), "--intake-only").all().forEach(table::add);
        run(new SubmissionBench(), "--clients", String.valueOf(submissionClients)).all().forEach(table::add);
        // At 300/s offered the intake admits what the cores allow and the stages behind it starve (the
        // open-loop run shows it); a rate the platform can sustain says what it delivers and at what cost.
        run(new PipelineBench(), "--rate", String.valueOf(pipelineRate)).all().forEach(table::add);
        run(new ConsumerBench()).all().forEach(table::add);
        Figures smallQueries = run(new QueryBench(), "--deployments", String.valueOf(deployments.get(0)));
        smallQueries.all().forEach(table::add);
        Figures smallReplay = run(new ReplayBench(), "--records", String.valueOf(replayRecords.get(0)));
        smallReplay.all().forEach(table::add);
        List<String> growth = new ArrayList<>();
        if (!noGrowth) {
            Figures largeQueries = run(new QueryBench(), "--deployments", String.valueOf(deployments.get(1)),
                    "--duration", "PT15S");
            largeQueries.all().forEach(table::add);
            growth.addAll(growth(smallQueries, largeQueries, "deployments"));
            Figures largeReplay = run(new ReplayBench(), "--records", String.valueOf(replayRecords.get(1)));
            largeReplay.all().forEach(table::add);
            growth.addAll(growth(smallReplay, largeReplay, "records"));
        }
        print(producer, postgres, growth);
        return 0;
    }

    /** Runs a driver with these arguments; a failed run throws. */
    private static Figures run(Driver driver, String... args) throws Exception {
        new CommandLine(driver).parseArgs(args);
        System.out.println();
        driver.call();
        return driver.figures;
    }

    private static double only(Figures figures) {
        return figures.all().getFirst().value();
    }

    /**
     * How the cost of one operation grows from the small run to the large one: the small run's rate
     * over the large run's (for latencies, the large over the small). 1.0 = independent of the data size.
     */
    private static List<String> growth(Figures small, Figures large, String what) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(small.all().size(), large.all().size()); i++) {
            Figures.Figure before = small.all().get(i);
            Figures.Figure after = large.all().get(i);
            double factor = before.kind() == Figures.Kind.RATE ? before.value() / after.value() : after.value() / before.value();
            lines.add("  %-58s x %.2f".formatted(before.name().replaceAll(", \\d+ " + what, "") + " (" + sizeOf(before.name())
                    + " -> " + sizeOf(after.name()) + " " + what + ")", factor));
        }
        return lines;
    }

    private static String sizeOf(String name) {
        return name.replaceAll(".*, (\\d+) \\w+$", "$1");
    }

    private void print(double producer, double postgres, List<String> growth) {
        System.out.println();
        System.out.println("=== bench/run all ===");
        System.out.printf("references, same run: raw Kafka producer %,.0f records/s; raw PostgreSQL commits %,.0f commits/s%n",
                producer, postgres);
        System.out.printf("%-58s %14s %-14s %11s %11s %9s %11s  %s%n", "figure", "value", "unit", "/ producer", "/ commits",
                "CPU ms/op", "CPU bound/s", "target");
        for (Figures.Figure figure : table) {
            boolean rate = figure.kind() == Figures.Kind.RATE;
            boolean cpu = rate && !Double.isNaN(figure.cpuMsPerOperation());
            System.out.printf("%-58s %,14.1f %-14s %11s %11s %9s %11s  %s%n", figure.name(), figure.value(), figure.unit(),
                    rate ? "%.2f %%".formatted(100 * figure.value() / producer) : "",
                    rate ? "%.2f %%".formatted(100 * figure.value() / postgres) : "",
                    cpu ? CpuMeter.Usage.millis(figure.cpuMsPerOperation()) : "",
                    cpu ? "%,.0f".formatted(figure.cpuCeiling()) : "",
                    target(figure.name()));
        }
        System.out.println("CPU ms/op: CPU of the whole process (platform, broker, load driver) and its PostgreSQL per operation;"
                + " CPU bound/s: the rate at which that cost fills every core, a ceiling for this build on this machine.");
        if (!growth.isEmpty()) {
            System.out.println("cost growth with 10x the data (cost per operation, large run over small run; 1.00 = flat):");
            growth.forEach(System.out::println);
        }
    }

    private static String target(String name) {
        return TARGETS.entrySet().stream().filter(target -> name.startsWith(target.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }
}
