package io.dharma.streams.query;

import java.time.Instant;
import java.util.Optional;

/**
 * A submission the intake has stored but the state may not have seen yet. Lets the tracking URL
 * answer from the moment the 202 is returned instead of 404 until the event is folded.
 */
public record AcceptedSubmission(String trackingId, String tenantId, String blueprintId, int version,
        Instant submittedAt) {

    /** Finds accepted submissions; the launcher backs it with the intake's store. */
    @FunctionalInterface
    public interface Lookup {

        Optional<AcceptedSubmission> find(String trackingId);
    }
}
