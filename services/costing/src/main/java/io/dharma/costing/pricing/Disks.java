package io.dharma.costing.pricing;

import io.dharma.costing.catalogue.DiskTier;
import io.dharma.costing.catalogue.PriceTable;
import java.util.List;
import java.util.Optional;

/** Boot disks of instances and Kubernetes nodes: per GB-month, or per size tier where the cloud bills tiers. */
final class Disks {

    private Disks() {
    }

    static void price(PricingContext context, LineItems lines, String type, int sizeGb, int count) {
        List<DiskTier> tiers = context.rules().diskTiers().get(type);
        if (tiers != null && !tiers.isEmpty()) {
            Optional<DiskTier> tier = tiers.stream().filter(candidate -> candidate.maxGb() >= sizeGb).findFirst();
            if (tier.isEmpty()) {
                lines.unpriced("disk: a " + type + " disk of " + sizeGb + " GB is larger than the largest "
                        + context.cloud().id() + " disk tier priced (" + tiers.getLast().maxGb() + " GB)");
                return;
            }
            lines.perDiskMonth(PriceTable.DISK, tier.get().sku(), count);
            return;
        }
        String sku = context.rules().diskSkus().get(type);
        if (sku == null) {
            lines.unpriced("disk: price catalogue has no " + context.cloud().id() + " disk type for '" + type + "'");
            return;
        }
        lines.perGbMonth(PriceTable.DISK, sku, (long) sizeGb * count);
    }
}
