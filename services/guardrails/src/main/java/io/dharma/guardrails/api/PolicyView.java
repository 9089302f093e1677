package io.dharma.guardrails.api;

import io.dharma.guardrails.policy.Policy;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A policy in API responses. {@code source} is {@code builtin} or {@code tenant}; {@code mandatory}
 * marks built-ins no tenant can disable; {@code enabled} says whether it is in force for the calling tenant. {@code revision}, {@code updatedAt} and
 * {@code updatedBy} are set for tenant policies only.
 */
record PolicyView(
        String id,
        String source,
        boolean mandatory,
        boolean enabled,
        String title,
        String severity,
        String enforcement,
        List<String> resourceTypes,
        String expression,
        String messageExpression,
        String message,
        String remediation,
        Integer revision,
        OffsetDateTime updatedAt,
        String updatedBy) {

    static PolicyView of(PolicyEntry entry) {
        Policy policy = entry.policy();
        return new PolicyView(policy.id(), entry.builtin() ? "builtin" : "tenant", entry.mandatory(), entry.enabled(), policy.title(),
                policy.severity().id(), policy.enforcement().id(), policy.resourceTypes(), policy.expression(),
                policy.messageExpression().orElse(null), policy.message(), policy.remediation().orElse(null),
                entry.stored().map(stored -> stored.revision()).orElse(null),
                entry.stored().map(stored -> stored.updatedAt()).orElse(null),
                entry.stored().map(stored -> stored.updatedBy()).orElse(null));
    }
}
