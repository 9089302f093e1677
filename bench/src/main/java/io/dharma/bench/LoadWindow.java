package io.dharma.bench;

import java.time.Duration;

/** A load's time line on {@link System#nanoTime()}: a warm-up from {@code start}, then the measured time from {@code measureFrom} until {@code end}. */
record LoadWindow(long start, long measureFrom, long end) {

    static LoadWindow startingNow(Duration warmup, Duration measured) {
        long start = System.nanoTime();
        return new LoadWindow(start, start + warmup.toNanos(), start + warmup.toNanos() + measured.toNanos());
    }

    /** Whether something due at {@code nanos} falls in the measured time. */
    boolean measures(long nanos) {
        return nanos >= measureFrom && nanos < end;
    }

    /** Whether a request counts: it started after the warm-up and ended within the measured time. */
    boolean counts(long startNanos, long endNanos) {
        return startNanos >= measureFrom && endNanos <= end;
    }
}
