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

    record Figure(String name, double value, String unit, Kind kind) {
    }

    private final List<Figure> measured = new ArrayList<>();

    void rate(String name, double perSecond, String unit) {
        measured.add(new Figure(name, perSecond, unit, Kind.RATE));
    }

    void latencyMs(String name, double millis) {
        measured.add(new Figure(name, millis, "ms", Kind.LATENCY_MS));
    }

    List<Figure> all() {
        return List.copyOf(measured);
    }
}
