package io.dharma.bench;

import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Thread-safe latency recording (HdrHistogram, microsecond precision) and its summary line. */
final class Latencies {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(1), 3);

    void record(long startNanos, long endNanos) {
        recorder.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(endNanos - startNanos), TimeUnit.MINUTES.toMicros(1)));
    }

    /** Everything recorded since the last call (so a warm-up can be discarded). */
    Histogram drain() {
        return recorder.getIntervalHistogram();
    }

    static String summary(Histogram h) {
        return "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(
                ms(h.getValueAtPercentile(50)), ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
