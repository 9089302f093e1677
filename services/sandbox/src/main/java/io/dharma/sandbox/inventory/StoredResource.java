package io.dharma.sandbox.inventory;

import io.dharma.executor.ActualResource;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One resource of the sandbox inventory.
 *
 * @param id the inventory id, derived from (tenant, blueprint, name); the API's {@code {id}}
 * @param attributes provider-neutral attributes as the resource has them now (normalised JSON values)
 * @param providerAttributes provider-shaped details: instance type, private IPs, endpoint, ...
 * @param dependsOn what it needed first when it was created or last updated (for delete ordering)
 * @param version 1 when created, one more on every change (by Dharma or out of band)
 */
public record StoredResource(
        UUID id,
        String tenantId,
        String blueprintId,
        String blueprintName,
        String name,
        String type,
        String cloud,
        String region,
        String providerId,
        Map<String, Object> attributes,
        Map<String, String> providerAttributes,
        List<String> dependsOn,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public StoredResource {
        attributes = Map.copyOf(attributes);
        providerAttributes = Map.copyOf(providerAttributes);
        dependsOn = List.copyOf(dependsOn);
    }

    public ActualResource toActual() {
        return new ActualResource(name, type, providerId, attributes, providerAttributes);
    }
}
