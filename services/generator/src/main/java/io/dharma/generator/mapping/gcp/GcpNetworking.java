package io.dharma.generator.mapping.gcp;

import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.FirewallRule;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.Networking;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** network, subnet and firewall on GCP: a custom-mode VPC, regional subnetworks, firewall rules by network tag. */
final class GcpNetworking implements Networking {

    private static final int ALLOW_PRIORITY = 1000;
    private static final int DENY_PRIORITY = 65534;

    /** A custom-mode VPC network; with private services access when Cloud SQL or Memorystore live in it. */
    @Override
    public void network(ResourceView network, GenerationContext context) {
        context.module().resource(network.name(), Blocks.resource("google_compute_network", network.id(), body -> body
                .attr("name", Names.fit(context.cloudName(network), 63))
                .attr("auto_create_subnetworks", false)
                .attr("routing_mode", "REGIONAL")));
        if (GcpSupport.needsPrivateServices(context, network)) {
            String range = network.id("private_services");
            context.module().resource(network.name(), Blocks.resource("google_compute_global_address", range, body -> body
                    .attr("name", Names.fit(context.cloudName(network, "private-services"), 63))
                    .attr("purpose", "VPC_PEERING")
                    .attr("address_type", "INTERNAL")
                    .attr("prefix_length", 16)
                    .ref("network", GcpSupport.networkId(network))));
            context.module().resource(network.name(), Blocks.resource("google_service_networking_connection", range, body -> body
                    .ref("network", GcpSupport.networkId(network))
                    .attr("service", "servicenetworking.googleapis.com")
                    .attr("reserved_peering_ranges", Exprs.refs(List.of("google_compute_global_address." + range + ".name")))));
        }
        Declarations.output(context, network.id("network_id"), "ID of the VPC network of network " + network.name(),
                GcpSupport.networkId(network));
    }

    @Override
    public void subnet(ResourceView subnet, GenerationContext context) {
        context.module().resource(subnet.name(), subnetBlock(subnet.id(), Names.fit(context.cloudName(subnet), 63),
                context.resource(subnet.string("network")), subnet.string("cidr"), context));
        Declarations.output(context, subnet.id("subnet_id"), "ID of subnet " + subnet.name(), GcpSupport.subnetId(subnet));
    }

    static io.dharma.generator.terraform.BodyItem.Block subnetBlock(String id, String name, ResourceView network, String cidr,
            GenerationContext context) {
        return Blocks.resource("google_compute_subnetwork", id, body -> body
                .attr("name", name)
                .attr("region", context.region())
                .ref("network", GcpSupport.networkId(network))
                .attr("ip_cidr_range", cidr)
                .attr("private_ip_google_access", true));
    }

    /**
     * Firewall rules selecting the targets' VMs by network tag (every VM of the network without
     * targets), one rule per protocol, ports and IP version, plus a low-priority deny of all
     * egress so that only the listed egress is allowed (GCP allows all egress by default).
     * Cloud SQL, Memorystore and load balancers are no VMs in the network: a firewall whose
     * targets are only those has nothing to select on GCP and produces no rules.
     */
    @Override
    public void firewall(ResourceView firewall, GenerationContext context) {
        ResourceView network = context.resource(firewall.string("network"));
        boolean targeted = !context.explicitTargets(firewall).isEmpty();
        List<String> tags = targeted ? GcpSupport.networkTags(context, context.targetsOf(firewall)) : List.of();
        if (targeted && tags.isEmpty()) {
            return;
        }
        for (String direction : List.of("ingress", "egress")) {
            Map<String, Expression> rules = rules(context, firewall, direction);
            if (rules.isEmpty()) {
                continue;
            }
            boolean inbound = direction.equals("ingress");
            context.module().resource(firewall.name(), Blocks.resource("google_compute_firewall", firewall.id(direction), body -> body
                    .attr("for_each", Expression.object(rules))
                    .blank()
                    .ref("name", "each.value.name")
                    .ref("network", GcpSupport.networkId(network))
                    .attr("direction", inbound ? "INGRESS" : "EGRESS")
                    .attr("priority", ALLOW_PRIORITY)
                    .ref(inbound ? "source_ranges" : "destination_ranges", "each.value.ranges")
                    .attr("target_tags", tags.isEmpty() ? null : Expression.strings(tags))
                    .ref("description", "each.value.description")
                    .block("allow", allow -> allow
                            .ref("protocol", "each.value.protocol")
                            .ref("ports", "each.value.ports"))));
        }
        context.module().resource(firewall.name(), Blocks.resource("google_compute_firewall", firewall.id("deny_egress"), body -> body
                .attr("name", Names.fit(context.cloudName(firewall, "deny-egress"), 63))
                .ref("network", GcpSupport.networkId(network))
                .attr("direction", "EGRESS")
                .attr("priority", DENY_PRIORITY)
                .attr("destination_ranges", Expression.strings(List.of("0.0.0.0/0")))
                .attr("target_tags", tags.isEmpty() ? null : Expression.strings(tags))
                .attr("description", "Only the egress firewall " + firewall.name() + " allows")
                .block("deny", deny -> deny.attr("protocol", "all"))));
    }

    /** Rules keyed by what they allow ({@code tcp-80-443-ipv4}); rules with the same key share their ranges. */
    private static Map<String, Expression> rules(GenerationContext context, ResourceView firewall, String direction) {
        record Entry(String protocol, List<String> ports, Set<String> ranges, Set<String> descriptions) {
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (FirewallRule rule : FirewallRule.of(firewall, direction)) {
            for (boolean ipv6 : List.of(false, true)) {
                List<String> ranges = rule.cidrs().stream().filter(cidr -> FirewallRule.isIpv6(cidr) == ipv6).toList();
                if (ranges.isEmpty()) {
                    continue;
                }
                String protocol = rule.protocol().equals("icmp") && ipv6 ? "58" : rule.protocol();
                List<String> ports = rule.ports().stream().map(Object::toString).toList();
                String key = String.join("-", rule.protocol(), String.join("-", ports), ipv6 ? "ipv6" : "ipv4").replace("--", "-");
                Entry entry = entries.computeIfAbsent(key,
                        ignored -> new Entry(protocol, ports, new LinkedHashSet<>(), new LinkedHashSet<>()));
                entry.ranges().addAll(ranges);
                rule.description().ifPresent(entry.descriptions()::add);
            }
        }
        Map<String, Expression> rules = new LinkedHashMap<>();
        String prefix = direction.equals("ingress") ? "in-" : "out-";
        entries.forEach((key, entry) -> {
            Map<String, Expression> value = new LinkedHashMap<>();
            value.put("name", Expression.string(Names.fit(context.cloudName(firewall, prefix + key), 63)));
            value.put("protocol", Expression.string(entry.protocol()));
            value.put("ports", entry.ports().isEmpty() ? Expression.nullValue() : Expression.strings(entry.ports()));
            value.put("ranges", Expression.strings(new ArrayList<>(entry.ranges())));
            value.put("description", entry.descriptions().isEmpty()
                    ? Expression.nullValue() : Expression.string(String.join("; ", entry.descriptions())));
            rules.put(key, Expression.object(value));
        });
        return rules;
    }

}
