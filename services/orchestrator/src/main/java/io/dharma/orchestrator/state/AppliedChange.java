package io.dharma.orchestrator.state;

import java.util.Map;
import java.util.UUID;

/**
 * The last create, update or replacement of a resource that a deployment applied (and reported
 * as a ResourceChanged event).
 *
 * @param address the resource's address in its stack
 * @param resourceName the blueprint resource it belongs to
 * @param resourceType the blueprint resource's catalogue type
 * @param providerId the provider's id of the resource as that change left it
 * @param attributes the attributes that change reported; null when not recorded (applied before they were)
 */
public record AppliedChange(String address, String resourceName, String resourceType, UUID deploymentId,
        String providerId, Map<String, String> attributes) {
}
