package io.dharma.sandbox.provider;

import java.util.Map;

/**
 * A resource as the simulated provider describes it.
 *
 * @param providerId the provider's own id (ARN, Azure resource id, GCP self link); fixed at creation
 * @param attributes provider-shaped details, recomputed whenever the neutral attributes change
 */
public record ProviderResource(String providerId, Map<String, String> attributes) {

    public ProviderResource {
        attributes = Map.copyOf(attributes);
    }
}
