package io.dharma.intake.store;

import java.util.UUID;

/** The submission an Idempotency-Key was first used for, and a hash of that request. */
public record IdempotencyKeyUse(String requestHash, UUID trackingId) {
}
