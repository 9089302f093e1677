package io.dharma.executor;

import java.util.Map;

/**
 * One resource as the provider has it.
 *
 * @param providerId the provider's own id: an ARN, an Azure resource id, a GCP self link
 * @param attributes the provider-neutral attributes as they are now (compared with the desired ones)
 * @param providerAttributes provider-shaped details (instance type, endpoint, ...) for display
 */
public record ActualResource(String name, String type, String providerId, Map<String, Object> attributes,
        Map<String, String> providerAttributes) {

    public ActualResource {
        attributes = Map.copyOf(attributes);
        providerAttributes = Map.copyOf(providerAttributes);
    }
}
