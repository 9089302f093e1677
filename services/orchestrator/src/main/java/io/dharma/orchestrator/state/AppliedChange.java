package io.dharma.orchestrator.state;

import java.util.UUID;

/**
 * The last create or update of a resource that a deployment applied (and reported as a
 * ResourceChanged event).
 *
 * @param providerId the provider's id of the resource as that change left it
 */
public record AppliedChange(String resourceName, UUID deploymentId, String providerId) {
}
