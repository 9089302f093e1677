package io.dharma.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A closed-loop load: {@code clients} concurrent clients on virtual threads, each sending its next
 * request as soon as its last one is answered, through a warm-up and then a measured time.
 */
record ClosedLoop(int clients, Duration warmup, Duration duration) {

    /** One request of one client; the window says whether it counts ({@link LoadWindow#counts}). */
    interface Request {
        void send(LoadWindow window) throws Exception;
    }

    /** Runs until the measured time has ended and every client has stopped; returns the CPU used while measuring. */
    CpuMeter.Usage run(Request request) throws InterruptedException {
        LoadWindow window = LoadWindow.startingNow(warmup, duration);
        CpuMeter.Snapshot cpuFrom;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                pool.submit(() -> {
                    while (System.nanoTime() < window.end()) {
                        request.send(window);
                    }
                    return null;
                });
            }
            Thread.sleep(warmup);
            cpuFrom = CpuMeter.now();
        }
        return CpuMeter.between(cpuFrom, CpuMeter.now());
    }
}
