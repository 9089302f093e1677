package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.PriceTable;
import java.util.Map;

/**
 * storage.bucket: standard-class storage for the catalogue's assumed stored volume (a blueprint
 * does not say how much it will store). Requests, transfer, versions and lifecycle transitions
 * are not included.
 */
final class BucketPricer implements ResourcePricer {

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        lines.perGbMonth(PriceTable.BUCKET, context.rules().bucketSku(), context.catalogue().bucketStoredGb());
    }
}
