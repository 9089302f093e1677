package io.dharma.executor;

import java.util.Map;
import java.util.Set;

/**
 * One resource as the provider has it.
 *
 * @param address the resource's address in its stack (see {@link PlannedChange#address()})
 * @param name the blueprint resource it belongs to
 * @param type the blueprint resource's catalogue type
 * @param providerId the provider's own id: an ARN, an Azure resource id, a GCP self link
 * @param attributes the attributes as they are now
 * @param providerAttributes provider-shaped details (instance type, endpoint, ...) for display
 * @param driftedAttributes the attributes the executor would change back to the deployed
 *        configuration, when it can tell (Terraform's plan can): only these are drift, whatever else
 *        the provider recomputed since the last apply. Null when it cannot tell: then every
 *        attribute is compared with the last apply's.
 */
public record ActualResource(String address, String name, String type, String providerId,
        Map<String, Object> attributes, Map<String, String> providerAttributes, Set<String> driftedAttributes) {

    public ActualResource {
        attributes = Map.copyOf(attributes);
        providerAttributes = Map.copyOf(providerAttributes);
        driftedAttributes = driftedAttributes == null ? null : Set.copyOf(driftedAttributes);
    }

    /** A resource whose drift is found by comparing all of its attributes with the last apply's. */
    public ActualResource(String address, String name, String type, String providerId,
            Map<String, Object> attributes, Map<String, String> providerAttributes) {
        this(address, name, type, providerId, attributes, providerAttributes, null);
    }

    /** A resource without an address of its own: its address is {@code <type>.<name>}. */
    public ActualResource(String name, String type, String providerId, Map<String, Object> attributes,
            Map<String, String> providerAttributes) {
        this(ResourceAddress.of(type, name), name, type, providerId, attributes, providerAttributes, null);
    }
}
