package io.dharma.costing.pricing;

import io.dharma.blueprint.Blueprint;
import io.dharma.blueprint.ResourceSpec;
import io.dharma.blueprint.catalogue.ResourceCatalogue;
import io.dharma.costing.catalogue.PriceTable;
import io.dharma.costing.estimate.CloudEstimate;
import io.dharma.costing.estimate.LineItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prices every resource of a blueprint in one pricing context, in blueprint order. */
public final class BlueprintPricer {

    private final ResourceCatalogue resources;
    private final Map<String, ResourcePricer> pricers;

    public BlueprintPricer(ResourceCatalogue resources) {
        this.resources = resources;
        FreeResourcePricer free = new FreeResourcePricer();
        this.pricers = Map.ofEntries(
                Map.entry("network", free),
                Map.entry("subnet", free),
                Map.entry("firewall", free),
                Map.entry("dns.record", free),
                Map.entry("compute.instance", new ComputeInstancePricer()),
                Map.entry("kubernetes.cluster", new KubernetesClusterPricer()),
                Map.entry("database.postgres", new DatabasePricer(PriceTable.POSTGRES)),
                Map.entry("database.mysql", new DatabasePricer(PriceTable.MYSQL)),
                Map.entry("storage.bucket", new BucketPricer()),
                Map.entry("cache.redis", new CachePricer()),
                Map.entry("loadbalancer", new LoadBalancerPricer()));
    }

    /** The resource types this pricer knows; the catalogue integrity test checks it covers the catalogue. */
    public Set<String> pricedTypes() {
        return pricers.keySet();
    }

    public CloudEstimate price(Blueprint blueprint, PricingContext context) {
        List<LineItem> lineItems = new ArrayList<>();
        for (ResourceSpec resource : blueprint.spec().resources()) {
            LineItems lines = new LineItems(context, resource);
            ResourcePricer pricer = pricers.get(resource.type());
            if (pricer == null) {
                lines.unpriced("no pricing rule for resource type " + resource.type());
            } else {
                pricer.price(resource, resources.withDefaults(resource), context, lines);
            }
            lineItems.addAll(lines.lines());
        }
        return new CloudEstimate(context.cloud(), context.region(), lineItems);
    }
}
