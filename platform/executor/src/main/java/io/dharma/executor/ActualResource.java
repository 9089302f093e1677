package io.dharma.executor;

import java.util.Map;

/**
 * One resource as the provider has it.
 *
 * @param address the resource's address in its stack (see {@link PlannedChange#address()})
 * @param name the blueprint resource it belongs to
 * @param type the blueprint resource's catalogue type
 * @param providerId the provider's own id: an ARN, an Azure resource id, a GCP self link
 * @param attributes the attributes as they are now (compared with those of the last apply to find drift)
 * @param providerAttributes provider-shaped details (instance type, endpoint, ...) for display
 */
public record ActualResource(String address, String name, String type, String providerId,
        Map<String, Object> attributes, Map<String, String> providerAttributes) {

    public ActualResource {
        attributes = Map.copyOf(attributes);
        providerAttributes = Map.copyOf(providerAttributes);
    }

    /** A resource without an address of its own: its address is {@code <type>.<name>}. */
    public ActualResource(String name, String type, String providerId, Map<String, Object> attributes,
            Map<String, String> providerAttributes) {
        this(ResourceAddress.of(type, name), name, type, providerId, attributes, providerAttributes);
    }
}
