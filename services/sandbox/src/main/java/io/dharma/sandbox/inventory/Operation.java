package io.dharma.sandbox.inventory;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One audit log entry.
 *
 * @param resourceVersion the resource's version after the operation (before it, for a delete); null for a failure of a missing resource
 * @param attributes the resource's attributes after the operation (before it, for a delete); null when unknown
 * @param providerAttributes the provider-shaped attributes then; null when unknown
 * @param detail the changed attribute names, or the failure's message
 */
public record Operation(
        long sequence,
        String resourceName,
        String resourceType,
        OperationKind kind,
        String actor,
        OffsetDateTime occurredAt,
        Long resourceVersion,
        String providerId,
        Map<String, Object> attributes,
        Map<String, String> providerAttributes,
        String detail) {
}
