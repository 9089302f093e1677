package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import java.util.Map;

/** Turns one resource of one catalogue type into the line items it costs on a cloud. */
interface ResourcePricer {

    /**
     * @param properties the resource's properties with the catalogue's defaults filled in
     */
    void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines);
}
