package io.dharma.bench;

import java.time.Duration;

import picocli.CommandLine.Option;

/** {@code --duration} and {@code --warmup} of the load drivers; each driver gives its own defaults. */
final class MeasuredTimeOptions {

    @Option(names = "--duration", description = "Measured time, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", description = "Unmeasured warm-up before it, at the same load (default ${DEFAULT-VALUE}).")
    Duration warmup;

    MeasuredTimeOptions(Duration duration, Duration warmup) {
        this.duration = duration;
        this.warmup = warmup;
    }

    LoadWindow startingNow() {
        return LoadWindow.startingNow(warmup, duration);
    }

    ClosedLoop closedLoop(int clients) {
        return new ClosedLoop(clients, warmup, duration);
    }
}
