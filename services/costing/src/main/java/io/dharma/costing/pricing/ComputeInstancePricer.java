package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.PriceTable;
import java.util.Map;
import java.util.Set;

/** compute.instance: instance hours (Linux), boot disks and, when asked for, one public IPv4 per instance. */
final class ComputeInstancePricer implements ResourcePricer {

    /** Images whose licence or subscription the catalogue (Linux on-demand prices) does not cover. */
    private static final Set<String> LICENSED_IMAGES = Set.of("windows-2022", "rhel-9");

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        int count = Properties.integer(properties, "count");
        String sku = context.sizes().sizeFor(resource.type(), Properties.text(properties, "size"), context.cloud()).sku();
        String image = Properties.text(properties, "image");
        if (LICENSED_IMAGES.contains(image)) {
            lines.unpriced("compute " + sku + ": image " + image + " needs an operating-system licence; "
                    + "the price catalogue has Linux prices only");
        } else {
            lines.hourly(PriceTable.COMPUTE, sku, count);
        }
        Map<String, Object> disk = Properties.object(properties, "disk");
        Disks.price(context, lines, Properties.text(disk, "type"), Properties.integer(disk, "sizeGb"), count);
        if (Properties.flag(properties, "publicIp")) {
            lines.hourly(PriceTable.PUBLIC_IP, context.rules().publicIpSku(), count);
        }
    }
}
