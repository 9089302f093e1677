package io.dharma.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures a driver measured, in the order it printed them, so that {@code bench/run all} can
 * put every driver's figures in one table.
 */
final class Figures {

    /** What a figure counts: a rate (more is better, compared with the references) or a latency. */
    enum Kind {
        RATE, LATENCY_MS
    }

    /** A figure; for a rate, {@code cpuMsPerOperation} is the CPU one operation took in the whole process (NaN: not measured). */
    record Figure(String name, double value, String unit, Kind kind, double cpuMsPerOperation) {

        /** Operations per second all the machine's cores could do at that CPU cost (NaN: not measured). */
        double cpuCeiling() {
            return Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerOperation;
        }
    }

    private final List<Figure> measured = new ArrayList<>();

    void rate(String name, double perSecond, String unit) {
        measured.add(new Figure(name, perSecond, unit, Kind.RATE, Double.NaN));
    }

    /** A rate with the CPU its operations took ({@code operations} of them over {@code cpu}). */
    void rate(String name, double perSecond, String unit, CpuMeter.Usage cpu, long operations) {
        double perOperation = cpu.measured() && operations > 0 ? 1000 * cpu.total() / operations : Double.NaN;
        measured.add(new Figure(name, perSecond, unit, Kind.RATE, perOperation));
    }

    void latencyMs(String name, double millis) {
        measured.add(new Figure(name, millis, "ms", Kind.LATENCY_MS, Double.NaN));
    }

    List<Figure> all() {
        return List.copyOf(measured);
    }
}
