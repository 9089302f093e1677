package io.dharma.streams.query;

import java.time.Instant;
import java.util.Optional;

/**
 * A submission the intake has stored but the state may not have seen yet. Lets the tracking URL
 * answer from the moment the 202 is returned instead of 404 until the event is folded.
 */
public record AcceptedSubmission(String trackingId, String tenantId, String blueprintId, int version,
        Instant submittedAt) {

    /** Finds accepted submissions: {@link IntakeSubmissions} asks the intake over HTTP (ADR 0025). */
    @FunctionalInterface
    public interface Lookup {

        /**
         * @param tenant the caller's tenant; only its submissions are found
         * @param authorization the caller's {@code Authorization} header, so the intake checks the same credential
         */
        Optional<AcceptedSubmission> find(String trackingId, String tenant, String authorization);
    }
}
