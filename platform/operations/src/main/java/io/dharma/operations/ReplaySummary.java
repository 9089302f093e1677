package io.dharma.operations;

/**
 * Exact counts of a replay.
 *
 * @param read        records read between the start and stop offsets, filtered or not
 * @param matched     decoded records that passed every filter and were written out
 * @param undecodable records inside the window and key filter whose value could not be decoded;
 *                    written out too, with the reason instead of a value
 */
public record ReplaySummary(long read, long matched, long undecodable) {
}
