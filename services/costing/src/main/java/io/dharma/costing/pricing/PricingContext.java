package io.dharma.costing.pricing;

import io.dharma.blueprint.Cloud;
import io.dharma.blueprint.catalogue.SizeCatalogue;
import io.dharma.costing.catalogue.CloudPricing;
import io.dharma.costing.catalogue.PriceCatalogue;
import io.dharma.costing.catalogue.RegionPrices;
import java.util.Optional;

/**
 * Where a blueprint is being priced: the cloud, the region (absent when the cloud has no region
 * equivalent to the blueprint's), that cloud's pricing rules and the region's prices if the
 * catalogue has them.
 */
public record PricingContext(
        PriceCatalogue catalogue, SizeCatalogue sizes, Cloud cloud, Optional<String> region, Optional<RegionPrices> prices) {

    public static PricingContext of(PriceCatalogue catalogue, SizeCatalogue sizes, Cloud cloud, Optional<String> region) {
        return new PricingContext(catalogue, sizes, cloud, region, region.flatMap(id -> catalogue.region(cloud, id)));
    }

    public CloudPricing rules() {
        return catalogue.cloud(cloud);
    }

    /** Why nothing in this region can be priced, when the catalogue has no prices for it. */
    String missingPricesReason() {
        return region.map(id -> "price catalogue " + catalogue.version() + " has no prices for " + cloud.id() + " region " + id)
                .orElse("no " + cloud.id() + " region is mapped as equivalent to the blueprint's region");
    }
}
