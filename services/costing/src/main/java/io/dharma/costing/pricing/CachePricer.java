package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.CacheRules;
import io.dharma.costing.catalogue.PriceTable;
import java.util.Map;

/**
 * cache.redis: node hours. Where every node is billed (ElastiCache) the primary and each replica
 * count; where the SKU's price includes its replica (Azure Standard/Premium, Memorystore
 * STANDARD_HA) one unit is billed, and a tier that cannot have replicas is replaced by the
 * replicated tier of the same capacity when replicas are asked for.
 */
final class CachePricer implements ResourcePricer {

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        CacheRules rules = context.rules().cache();
        int replicas = Properties.integer(properties, "replicas");
        String sku = context.sizes().sizeFor(resource.type(), Properties.text(properties, "size"), context.cloud()).sku();
        if (replicas > 0) {
            sku = rules.replicaTiers().getOrDefault(sku, sku);
        }
        if (replicas > rules.maxReplicas()) {
            lines.unpriced("cache " + sku + ": " + replicas + " replicas; price catalogue can price at most "
                    + rules.maxReplicas() + " on " + context.cloud().id());
            return;
        }
        int billedUnits = rules.includedReplicas() == 0 ? 1 + replicas : 1;
        lines.hourly(PriceTable.CACHE, sku, billedUnits);
    }
}
