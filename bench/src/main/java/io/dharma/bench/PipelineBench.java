package io.dharma.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import io.dharma.topics.DharmaTopicNames;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Submit to SUCCEEDED: blueprints POSTed at a fixed offered rate, each under a new name (so each
 * is its own blueprint and deploys once: a name sent again is a new version, which supersedes a
 * deployment still queued), and the time from when each was due until a downstream consumer reads
 * its DeploymentSucceeded on {@value DharmaTopicNames#DEPLOYMENTS}. The sandbox deploys instantly,
 * so what is measured is the platform: intake, outbox relay, generator, guardrails, costing, the
 * orchestrator's join, decision and deployment worker, and the relay again.
 *
 * <p>The load is open: a submission is sent when it is due whatever the answers to the earlier
 * ones, and its latency counts from then, so a platform that falls behind shows it as latency and
 * backlog rather than as a lower offered rate. The wait for the measured submissions to end is
 * bounded ({@code --drain}); what has not ended by then is reported as pending.
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Submit -> SUCCEEDED at an offered rate: deployments/s and end-to-end latency, read from "
                + "dharma.deployments.v1 as a downstream consumer would (embedded platform, zero-latency sandbox).")
final class PipelineBench extends Driver {

    private static final String TENANT = "bench";

    @Option(names = "--rate", defaultValue = "300", description = "Offered submissions per second (default ${DEFAULT-VALUE}).")
    int rate;

    @Mixin
    MeasuredTimeOptions time = new MeasuredTimeOptions(Duration.ofSeconds(60), Duration.ofSeconds(10));

    @Option(names = "--drain", defaultValue = "PT60S", description = "Longest wait after the load for the measured "
            + "submissions to end; the rest is reported as pending (default ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--max-in-flight", defaultValue = "512", description = "Submissions awaiting the intake's answer at "
            + "most; one due beyond that is not sent, and counted (default ${DEFAULT-VALUE}).")
    int maxInFlight;

    @Mixin
    BlueprintOption blueprint;

    @Override
    void measure() throws Exception {
        if (rate < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("--rate and --max-in-flight must be at least 1");
        }
        BlueprintTemplate template = blueprint.template();
        try (BenchTarget target = BenchTarget.startWithInstantSandbox();
                DeploymentOutcomes outcomes = DeploymentOutcomes.follow(target.bootstrapServers(), target.registryUrl())) {
            LoadWindow window = time.startingNow();
            Load load = submit(target.apiUrl(), template, window);
            printLag(target.bootstrapServers());
            long drainedAt = drain(load.measured(), outcomes);
            report(load, outcomes, window, drainedAt, CpuMeter.between(load.cpuFrom, CpuMeter.now()));
        }
    }

    /** A submission the intake accepted, with when it was due to be sent. */
    private record Accepted(String trackingId, long dueNanos, boolean measured) {
    }

    /** What the load saw; the counters cover the measured window only. */
    private static final class Load {
        final Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        final LongAdder offered = new LongAdder();
        final LongAdder notSent = new LongAdder();
        final Map<String, Long> refused = new ConcurrentHashMap<>();
        final Latencies answers = new Latencies();
        volatile CpuMeter.Snapshot cpuFrom;

        List<Accepted> measured() {
            return accepted.stream().filter(Accepted::measured).toList();
        }
    }

    private Load submit(String apiUrl, BlueprintTemplate template, LoadWindow window) {
        IntakeClient intake = new IntakeClient(apiUrl, Duration.ofSeconds(5));
        Load load = new Load();
        Semaphore inFlight = new Semaphore(maxInFlight);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; ; i++) {
                long due = window.start() + i * 1_000_000_000L / rate;
                if (due >= window.end()) {
                    break;
                }
                sleepUntil(due);
                boolean measured = window.measures(due);
                if (measured && load.cpuFrom == null) {
                    load.cpuFrom = CpuMeter.now();
                }
                if (measured) {
                    load.offered.increment();
                }
                // Waiting for a free slot would close the loop: the offered rate would follow the platform.
                if (!inFlight.tryAcquire()) {
                    if (measured) {
                        load.notSent.increment();
                    }
                    continue;
                }
                String body = template.named("pipeline-" + i);
                pool.submit(() -> {
                    try {
                        send(intake, body, due, measured, load);
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return load;
    }

    private static void send(IntakeClient intake, String body, long due, boolean measured, Load load) {
        IntakeClient.Answer answer = intake.submit(TENANT, body);
        if (answer.accepted()) {
            load.accepted.add(new Accepted(answer.trackingId(), due, measured));
        }
        if (measured) {
            load.answers.record(due, System.nanoTime());
            if (!answer.accepted()) {
                load.refused.merge(answer.refusal(), 1L, Long::sum);
            }
        }
    }

    /** Where the backlog sits when the load stops: the stage whose group lags most holds the pipeline back. */
    private static void printLag(String bootstrapServers) {
        try (ConsumerLag lag = new ConsumerLag(bootstrapServers)) {
            System.out.println("  consumer lag when the load stopped (records not yet consumed, by group): " + lag.now());
        } catch (Exception e) {
            System.out.println("  consumer lag when the load stopped: not read (" + e + ")");
        }
    }

    private static void sleepUntil(long nanos) {
        for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** Waits until every measured submission has ended, or for --drain at most; returns when it stopped. */
    private long drain(List<Accepted> measured, DeploymentOutcomes outcomes) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        List<Accepted> pending = new ArrayList<>(measured);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            pending.removeIf(accepted -> outcomes.get(accepted.trackingId()) != null);
        }
        return System.nanoTime();
    }

    private void report(Load load, DeploymentOutcomes outcomes, LoadWindow window, long drainedAt, CpuMeter.Usage cpu) {
        List<Accepted> measured = load.measured();
        // Pending submissions count at their age when the wait ended: the percentiles are then a lower bound, not flattered.
        Histogram latencies = newHistogram();
        // Where the time goes: the stages up to the orchestrator's decision, then the deployment itself.
        Histogram toRequested = newHistogram();
        Histogram requestedToSucceeded = newHistogram();
        Map<String, Long> otherEnds = new TreeMap<>();
        long succeeded = 0;
        long pending = 0;
        long firstSuccess = Long.MAX_VALUE;
        long lastSuccess = Long.MIN_VALUE;
        for (Accepted accepted : measured) {
            DeploymentOutcomes.Seen seen = outcomes.get(accepted.trackingId());
            if (seen == null) {
                pending++;
                latencies.recordValue(micros(drainedAt - accepted.dueNanos()));
            } else if (seen.outcome() == DeploymentOutcomes.Outcome.SUCCEEDED) {
                succeeded++;
                latencies.recordValue(micros(seen.atNanos() - accepted.dueNanos()));
                firstSuccess = Math.min(firstSuccess, seen.atNanos());
                lastSuccess = Math.max(lastSuccess, seen.atNanos());
                Long requested = outcomes.requestedAt(accepted.trackingId());
                if (requested != null) {
                    toRequested.recordValue(micros(requested - accepted.dueNanos()));
                    requestedToSucceeded.recordValue(micros(seen.atNanos() - requested));
                }
            } else {
                otherEnds.merge(describe(seen), 1L, Long::sum);
            }
        }
        double windowSeconds = time.duration.toNanos() / 1e9;
        // A platform that falls behind delivers the window's submissions over a longer time than the window.
        double deliverySeconds = succeeded == 0 ? windowSeconds : Math.max(windowSeconds, (lastSuccess - firstSuccess) / 1e9);
        double sustained = succeeded / deliverySeconds;
        long seenInWindow = outcomes.succeededBetween(window.measureFrom(), window.end());

        System.out.printf("pipeline: submit -> SUCCEEDED, %d/s offered (open loop) for %s after %s warm-up, %s under a new name each,"
                + " zero-latency sandbox%n", rate, time.duration, time.warmup, blueprint.file);
        System.out.printf("  offered %d; accepted (202) %d; not accepted: %s; not sent (%d awaiting an answer): %d%n",
                load.offered.sum(), measured.size(), load.refused, maxInFlight, load.notSent.sum());
        System.out.println("  intake answer, from when due: " + Latencies.summary(load.answers.drain()));
        System.out.printf("  within %.0f s after the load: succeeded %d, failed/other %d %s, still pending %d%n",
                (drainedAt - window.end()) / 1e9, succeeded, measured.size() - succeeded - pending, otherEnds, pending);
        System.out.printf("  sustained: %d succeeded over %.1f s (first to last success, at least the window) = %.1f deployments/s;"
                + " any submission's successes read during the window: %d = %.1f/s%n",
                succeeded, deliverySeconds, sustained, seenInWindow, seenInWindow / windowSeconds);
        System.out.printf("  submit -> SUCCEEDED latency %s%s%n", Latencies.summary(latencies),
                pending == 0 ? "" : " (the %d pending counted at their age when the wait ended: a lower bound)".formatted(pending));
        System.out.println("    of the successes, submit -> DeploymentRequested (intake, relay, generator, guardrails, costing, join): "
                + Latencies.summary(toRequested));
        System.out.println("    DeploymentRequested -> SUCCEEDED (deployment worker, sandbox, relay): " + Latencies.summary(requestedToSucceeded));
        // Work for blueprints still pending counts too; with none pending this is the whole pipeline's cost per blueprint.
        cpu.perOperation(outcomes.succeededBetween(window.measureFrom(), drainedAt), "deployment").forEach(System.out::println);
        if (outcomes.unreadable() > 0) {
            System.out.printf("  unreadable records on %s: %d%n", DharmaTopicNames.DEPLOYMENTS, outcomes.unreadable());
        }
        figures.rate("submit to SUCCEEDED, %d/s offered".formatted(rate), sustained, "deployments/s", cpu,
                outcomes.succeededBetween(window.measureFrom(), drainedAt));
        figures.latencyMs("submit to SUCCEEDED p99, %d/s offered".formatted(rate), latencies.getValueAtPercentile(99) / 1000.0);
    }

    private static String describe(DeploymentOutcomes.Seen seen) {
        String detail = seen.detail().length() <= 100 ? seen.detail() : seen.detail().substring(0, 100) + "...";
        return detail.isEmpty() ? seen.outcome().name() : seen.outcome() + " (" + detail + ")";
    }

    private static Histogram newHistogram() {
        return new Histogram(TimeUnit.HOURS.toMicros(1), 3);
    }

    private static long micros(long nanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos));
    }
}
