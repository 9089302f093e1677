package io.dharma.guardrails.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.dharma.guardrails.policy.PolicyDocument;
import java.time.OffsetDateTime;

/**
 * A policy in API responses: the policy as written, unwrapped into the response, and what the
 * platform says about it. {@code source} is {@code builtin} or {@code tenant}; {@code mandatory}
 * marks built-ins no tenant can disable; {@code enabled} says whether it is in force for the calling tenant. {@code revision}, {@code updatedAt} and
 * {@code updatedBy} are set for tenant policies only.
 */
record PolicyView(
        @JsonUnwrapped PolicyDocument policy,
        String source,
        boolean mandatory,
        boolean enabled,
        Integer revision,
        OffsetDateTime updatedAt,
        String updatedBy) {

    static PolicyView of(PolicyEntry entry) {
        return new PolicyView(PolicyDocument.of(entry.policy()), entry.builtin() ? "builtin" : "tenant", entry.mandatory(),
                entry.enabled(),
                entry.stored().map(stored -> stored.revision()).orElse(null),
                entry.stored().map(stored -> stored.updatedAt()).orElse(null),
                entry.stored().map(stored -> stored.updatedBy()).orElse(null));
    }
}
