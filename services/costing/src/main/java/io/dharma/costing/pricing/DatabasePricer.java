package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.PriceTable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * database.postgres and database.mysql: instance hours and storage. High availability adds a
 * standby billed exactly like the primary (instance and storage), which is how all three clouds
 * price it (RDS Multi-AZ, Azure zone-redundant HA, Cloud SQL HA), so the quantities double.
 */
final class DatabasePricer implements ResourcePricer {

    private final PriceTable instanceTable;

    DatabasePricer(PriceTable instanceTable) {
        this.instanceTable = instanceTable;
    }

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        int instances = Properties.flag(properties, "highAvailability") ? 2 : 1;
        String sku = context.sizes().sizeFor(resource.type(), Properties.text(properties, "size"), context.cloud()).sku();
        lines.hourly(instanceTable, sku, instances);

        int requestedGb = Properties.integer(properties, "storageGb");
        String storageSku = context.rules().databaseStorageSku();
        Optional<Integer> provisionedGb = provisioned(requestedGb, context.rules().databaseStorageSizesGb());
        if (provisionedGb.isEmpty()) {
            lines.unpriced("databaseStorage " + storageSku + ": " + requestedGb + " GB is more than the largest "
                    + context.cloud().id() + " storage size priced");
            return;
        }
        lines.perGbMonth(PriceTable.DATABASE_STORAGE, storageSku, (long) provisionedGb.get() * instances);
    }

    /** The storage the cloud provisions for a request: the next allowed size up, or the request itself. */
    private static Optional<Integer> provisioned(int requestedGb, List<Integer> allowedSizesGb) {
        if (allowedSizesGb.isEmpty()) {
            return Optional.of(requestedGb);
        }
        return allowedSizesGb.stream().filter(size -> size >= requestedGb).findFirst();
    }
}
