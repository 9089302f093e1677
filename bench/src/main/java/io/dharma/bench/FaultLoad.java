package io.dharma.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady submission load for one fault: {@code rate} new blueprints a second as one tenant, each
 * under a new name (so each deploys once), on virtual threads, open loop (a slow or failed answer
 * never delays the next), at most {@code maxInFlight} awaiting an answer. Keeps every tracking id
 * answered with 202 and counts every other answer; {@link #burst(int)} adds many at once.
 */
final class FaultLoad implements AutoCloseable {

    private final String tenant;
    private final BlueprintTemplate template;
    private final IntakeClient intake;
    private final Queue<String> accepted = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> refused = new ConcurrentHashMap<>();
    private final AtomicLong names = new AtomicLong();
    private final Semaphore inFlight;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final Thread pacer;
    private volatile boolean stopped;

    private FaultLoad(String apiUrl, String tenant, BlueprintTemplate template, int rate, int maxInFlight) {
        this.tenant = tenant;
        this.template = template;
        this.intake = new IntakeClient(apiUrl, Duration.ofSeconds(2));
        this.inFlight = new Semaphore(maxInFlight);
        this.pacer = Thread.ofPlatform().name("fault-load-" + tenant).daemon().unstarted(() -> pace(rate));
    }

    static FaultLoad start(String apiUrl, String tenant, BlueprintTemplate template, int rate, int maxInFlight) {
        FaultLoad load = new FaultLoad(apiUrl, tenant, template, rate, maxInFlight);
        load.pacer.start();
        return load;
    }

    private void pace(int rate) {
        long start = System.nanoTime();
        for (long i = 0; !stopped; i++) {
            long due = start + i * 1_000_000_000L / rate;
            for (long left = due - System.nanoTime(); left > 0 && !stopped; left = due - System.nanoTime()) {
                LockSupport.parkNanos(Math.min(left, 100_000_000L));
            }
            if (!stopped) {
                submitOne(false);
            }
        }
    }

    /** {@code count} submissions sent at once, beside the steady load (they may wait for a free slot). */
    void burst(int count) {
        for (int i = 0; i < count; i++) {
            submitOne(true);
        }
    }

    private void submitOne(boolean wait) {
        if (wait) {
            inFlight.acquireUninterruptibly();
        } else if (!inFlight.tryAcquire()) {
            refused.merge("not sent (too many awaiting an answer)", 1L, Long::sum);
            return;
        }
        String body = template.named(tenant + "-" + names.incrementAndGet());
        requests.submit(() -> {
            try {
                send(body);
            } finally {
                inFlight.release();
            }
        });
    }

    private void send(String body) {
        IntakeClient.Answer answer = intake.submit(tenant, body);
        if (answer.accepted()) {
            accepted.add(answer.trackingId());
        } else {
            refused.merge(answer.refusal(), 1L, Long::sum);
        }
    }

    /** Tracking ids answered with 202 so far. */
    List<String> accepted() {
        return List.copyOf(accepted);
    }

    /** The other answers, by kind: HTTP status or I/O exception. */
    Map<String, Long> refused() {
        return Map.copyOf(refused);
    }

    /** Stops sending and waits for every answer. */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        pacer.join();
        requests.close();
    }
}
