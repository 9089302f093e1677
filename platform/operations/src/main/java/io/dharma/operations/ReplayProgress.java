package io.dharma.operations;

/** Called after every poll of a replay, for a progress display. */
@FunctionalInterface
public interface ReplayProgress {

    ReplayProgress NONE = (read, offsetsDone, offsetsTotal) -> {
    };

    void update(long recordsRead, long offsetsDone, long offsetsTotal);
}
