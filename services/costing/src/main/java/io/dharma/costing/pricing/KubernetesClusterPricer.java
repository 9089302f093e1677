package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.NodeDisk;
import io.dharma.costing.catalogue.PriceTable;
import java.util.Map;

/**
 * kubernetes.cluster: the managed control plane, the initial nodes (nodeCount; autoscaling may
 * add more) and each node's default boot disk.
 */
final class KubernetesClusterPricer implements ResourcePricer {

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        lines.hourly(PriceTable.KUBERNETES, context.rules().kubernetesControlPlaneSku(), 1);
        int nodes = Properties.integer(properties, "nodeCount");
        String sku = context.sizes().sizeFor(resource.type(), Properties.text(properties, "nodeSize"), context.cloud()).sku();
        lines.hourly(PriceTable.COMPUTE, sku, nodes);
        NodeDisk disk = context.rules().kubernetesNodeDisk();
        Disks.price(context, lines, disk.type(), disk.sizeGb(), nodes);
    }
}
