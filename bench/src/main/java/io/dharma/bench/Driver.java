package io.dharma.bench;

import java.util.concurrent.Callable;

/**
 * A driver that measures figures: it prints the machine it runs on, then its own lines, and keeps
 * its {@link Figures} for {@link AllBench}, which runs every driver in one process and tables them.
 */
abstract class Driver implements Callable<Integer> {

    final Figures figures = new Figures();

    @Override
    public final Integer call() throws Exception {
        System.out.println(Machine.describe());
        measure();
        return 0;
    }

    /** Runs the load, prints what it saw and records the figures; a failed run throws. */
    abstract void measure() throws Exception;
}
