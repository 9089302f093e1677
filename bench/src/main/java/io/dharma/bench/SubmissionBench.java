package io.dharma.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Drives POST /api/v1/blueprints with concurrent clients and reports accepted submissions per
 * second and latency; then waits for the outbox relay to publish every accepted submission, which
 * shows that acceptance does not wait on Kafka.
 */
@Command(name = "submissions", mixinStandardHelpOptions = true,
        description = "Concurrent blueprint submissions against the intake API (embedded platform).")
final class SubmissionBench extends Driver {

    private static final String TOPIC = "dharma.blueprints.v1";

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Mixin
    MeasuredTimeOptions time = new MeasuredTimeOptions(Duration.ofSeconds(20), Duration.ofSeconds(5));

    @Mixin
    BlueprintOption blueprint;

    @Option(names = "--names", defaultValue = "1000", description = "Distinct blueprint names to rotate through (default ${DEFAULT-VALUE}).")
    int names;

    @Option(names = "--intake-only", description = "Start only the intake side (no generator, guardrails, costing, "
            + "orchestrator or streams application), so the figure is the intake's own and not shared with the pipeline.")
    boolean intakeOnly;

    @Override
    void measure() throws Exception {
        BlueprintTemplate template = blueprint.template();
        try (BenchTarget target = intakeOnly ? BenchTarget.startIntakeOnly() : BenchTarget.startEmbedded()) {
            long before = committedRecordsNow(target.bootstrapServers());
            Result result = drive(target.apiUrl(), template);
            System.out.printf("submissions: %d clients, %s measured after %s warm-up, blueprint %s (%d bytes), %s%n",
                    clients, time.duration, time.warmup, blueprint.file, template.length(),
                    intakeOnly ? "intake only" : "whole platform running (every submission also flows through the pipeline)");
            System.out.printf("  accepted (202): %d = %.1f submissions/s; other answers: %s%n",
                    result.accepted, result.accepted / (double) time.duration.toMillis() * 1000, result.others);
            System.out.println("  latency " + Latencies.summary(result.latencies));
            result.cpu.perOperation(result.accepted, "submission").forEach(System.out::println);
            String scope = intakeOnly ? ", intake only" : "";
            figures.rate("submissions, %d clients%s".formatted(clients, scope), result.accepted / (double) time.duration.toMillis() * 1000,
                    "submissions/s", result.cpu, result.accepted);
            figures.latencyMs("submission p99, %d clients%s".formatted(clients, scope), result.latencies.getValueAtPercentile(99) / 1000.0);
            awaitRelay(target.bootstrapServers(), before + result.acceptedTotal);
        }
    }

    private record Result(long accepted, long acceptedTotal, Map<Integer, Long> others, Histogram latencies,
            CpuMeter.Usage cpu) {
    }

    private Result drive(String apiUrl, BlueprintTemplate template) throws InterruptedException {
        IntakeClient intake = new IntakeClient(apiUrl, Duration.ofSeconds(5));
        Latencies latencies = new Latencies();
        LongAdder accepted = new LongAdder();
        LongAdder acceptedTotal = new LongAdder();
        Map<Integer, Long> others = new ConcurrentHashMap<>();
        AtomicLong sequence = new AtomicLong();
        CpuMeter.Usage cpu = time.closedLoop(clients).run(window -> {
            String body = template.named("bench-" + (sequence.incrementAndGet() % names));
            long t0 = System.nanoTime();
            int status = intake.submitForStatus("bench", body);
            long t1 = System.nanoTime();
            if (status == 202) {
                acceptedTotal.increment();
            }
            if (window.counts(t0, t1)) {
                latencies.record(t0, t1);
                if (status == 202) {
                    accepted.increment();
                } else {
                    others.merge(status, 1L, Long::sum);
                }
            }
        });
        return new Result(accepted.sum(), acceptedTotal.sum(), Map.copyOf(others), latencies.drain(), cpu);
    }

    /** Committed records on the topic now (read to the last stable offsets). */
    private static long committedRecordsNow(String bootstrap) {
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrap)) {
            List<TopicPartition> partitions = assignFromBeginning(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long count = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    /**
     * Waits until the relay has published every accepted submission, and says how long that took.
     * Counts committed records (read_committed), not end offsets: transaction markers take offsets too.
     */
    private static void awaitRelay(String bootstrap, long expected) {
        long t0 = System.nanoTime();
        long published = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = committedReader(bootstrap)) {
            assignFromBeginning(consumer);
            while (published < expected && System.nanoTime() - t0 < Duration.ofMinutes(2).toNanos()) {
                published += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        System.out.printf("  outbox relay: %d of %d accepted submissions on %s, %.1f s after the load stopped%n",
                published, expected, TOPIC, (System.nanoTime() - t0) / 1e9);
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(String bootstrap) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> assignFromBeginning(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return partitions;
    }
}
