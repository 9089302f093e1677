package io.dharma.intake.submission;

import java.util.UUID;

/** An accepted submission; {@code replayed} when it answers a retry with an Idempotency-Key already used. */
public record Submission(UUID trackingId, UUID blueprintId, int version, boolean replayed) {
}
