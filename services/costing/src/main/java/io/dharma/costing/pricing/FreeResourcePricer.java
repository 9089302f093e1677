package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import java.util.Map;

/**
 * network, subnet, firewall and dns.record: free on every cloud (a dns.record writes into an
 * existing hosted zone; queries are usage-based). Each still gets a zero line, so the estimate
 * shows every resource was considered.
 */
final class FreeResourcePricer implements ResourcePricer {

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        String sku = context.rules().free().get(resource.type());
        if (sku == null) {
            lines.unpriced("price catalogue does not list " + resource.type() + " as free on " + context.cloud().id());
            return;
        }
        lines.free(sku);
    }
}
