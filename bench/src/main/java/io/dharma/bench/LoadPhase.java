package io.dharma.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;

/**
 * A {@link ClosedLoop} of clients GETting from the query API. Each request is a {@link Probe} that
 * says what a correct answer is: only a 200 whose body passes the probe's check counts as a
 * success; anything else (another status, a wrong body, an I/O error) is an error, counted by kind
 * and reason.
 */
final class LoadPhase {

    /**
     * One request.
     *
     * @param kind what is asked (for the per-kind figures)
     * @param forwarded whether the instance asked does not host the key (it forwards the request)
     */
    record Probe(String kind, String url, String tenant, Predicate<QueryClient.Answer> correct, boolean forwarded) {
    }

    /** What the measured time saw. */
    record Result(Duration measured, long requests, long forwarded, Map<String, Long> errors, Histogram latencies,
            Map<String, Histogram> latenciesByKind, CpuMeter.Usage cpu) {

        double perSecond() {
            return requests / (measured.toNanos() / 1e9);
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final QueryClient client;
    private final ClosedLoop loop;

    LoadPhase(QueryClient client, ClosedLoop loop) {
        this.client = client;
        this.loop = loop;
    }

    /** Only requests that start after the warm-up and end within the measured time are counted. */
    Result run(Supplier<Probe> nextProbe) throws InterruptedException {
        Latencies all = new Latencies();
        Map<String, Latencies> byKind = new ConcurrentHashMap<>();
        LongAdder requests = new LongAdder();
        LongAdder forwarded = new LongAdder();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        CpuMeter.Usage cpu = loop.run(window -> {
            Probe probe = nextProbe.get();
            long t0 = System.nanoTime();
            String error = ask(probe);
            long t1 = System.nanoTime();
            if (window.counts(t0, t1)) {
                requests.increment();
                all.record(t0, t1);
                byKind.computeIfAbsent(probe.kind(), k -> new Latencies()).record(t0, t1);
                if (probe.forwarded()) {
                    forwarded.increment();
                }
                if (error != null) {
                    errors.merge(probe.kind() + ": " + error, 1L, Long::sum);
                }
            }
        });
        Map<String, Histogram> kinds = new TreeMap<>();
        byKind.forEach((kind, latencies) -> kinds.put(kind, latencies.drain()));
        return new Result(loop.duration(), requests.sum(), forwarded.sum(), new TreeMap<>(errors), all.drain(), kinds, cpu);
    }

    /** Null when the answer is correct, else why not. */
    private String ask(Probe probe) {
        try {
            QueryClient.Answer answer = client.get(probe.url(), probe.tenant());
            if (!answer.ok()) {
                return "HTTP " + answer.status();
            }
            return probe.correct().test(answer) ? null : "200 with a wrong body";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    static <T> T pick(List<T> items) {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }
}
