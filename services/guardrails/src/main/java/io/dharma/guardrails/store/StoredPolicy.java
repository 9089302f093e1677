package io.dharma.guardrails.store;

import io.dharma.guardrails.policy.Policy;
import java.time.OffsetDateTime;

/** A tenant's own policy as stored: the definition, whether it is on, and who changed it last. */
public record StoredPolicy(
        Policy policy,
        boolean enabled,
        int revision,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String updatedBy) {
}
