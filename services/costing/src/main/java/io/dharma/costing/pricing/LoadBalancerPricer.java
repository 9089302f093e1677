package io.dharma.costing.pricing;

import io.dharma.blueprint.ResourceSpec;
import io.dharma.costing.catalogue.LoadBalancerOffer;
import io.dharma.costing.catalogue.PriceTable;
import java.util.Map;

/**
 * loadbalancer: the hourly charge of the load balancer, rules beyond those it includes (one per
 * listener) and, when internet-facing, the public IPv4 addresses the cloud bills for it. Capacity
 * units and processed data are usage-based and not included.
 */
final class LoadBalancerPricer implements ResourcePricer {

    @Override
    public void price(ResourceSpec resource, Map<String, Object> properties, PricingContext context, LineItems lines) {
        String type = Properties.text(properties, "type");
        LoadBalancerOffer offer = context.rules().loadBalancers().get(type);
        if (offer == null) {
            lines.unpriced("loadBalancer: price catalogue has no " + context.cloud().id() + " offer for type " + type);
            return;
        }
        lines.hourly(PriceTable.LOAD_BALANCER, offer.sku(), 1);

        int listeners = Properties.list(properties, "listeners").size();
        if (offer.includedRules() > 0 && listeners > offer.includedRules()) {
            lines.hourly(PriceTable.LOAD_BALANCER_RULE, offer.extraRuleSku().orElseThrow(), listeners - offer.includedRules());
        }

        if (Properties.flag(properties, "public")) {
            int addresses = switch (context.rules().publicLoadBalancerIps()) {
                case PER_SUBNET -> Properties.list(properties, "subnets").size();
                case ONE -> 1;
                case NONE -> 0;
            };
            if (addresses > 0) {
                lines.hourly(PriceTable.PUBLIC_IP, context.rules().publicIpSku(), addresses);
            }
        }
    }
}
