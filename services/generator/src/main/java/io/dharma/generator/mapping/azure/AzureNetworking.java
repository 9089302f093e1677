package io.dharma.generator.mapping.azure;

import static io.dharma.generator.mapping.azure.AzureSupport.TAGS;
import static io.dharma.generator.mapping.azure.AzureSupport.placed;

import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.FirewallRule;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.Networking;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** network, subnet and firewall on Azure: virtual network, subnets, network security groups attached per subnet. */
final class AzureNetworking implements Networking {

    private static final int FIRST_PRIORITY = 100;
    private static final int PRIORITY_STEP = 10;
    private static final int LOAD_BALANCER_PROBES_PRIORITY = 4000;
    private static final int DENY_ALL_PRIORITY = 4096;

    @Override
    public void network(ResourceView network, GenerationContext context) {
        context.module().resource(network.name(), Blocks.resource("azurerm_virtual_network", network.id(), body -> placed(body
                .attr("name", Names.fit(context.cloudName(network), 64)))
                .attr("address_space", Expression.strings(List.of(network.string("cidr"))))
                .ref("tags", TAGS)));
        Declarations.output(context, network.id("vnet_id"), "ID of the virtual network of network " + network.name(),
                "azurerm_virtual_network." + network.id() + ".id");
    }

    /** A subnet; only a public one keeps Azure's default outbound internet access. */
    @Override
    public void subnet(ResourceView subnet, GenerationContext context) {
        ResourceView network = context.resource(subnet.string("network"));
        context.module().resource(subnet.name(), subnetBlock(subnet.id(), Names.fit(context.cloudName(subnet), 80), network,
                subnet.string("cidr"), subnet.bool("public")));
        Declarations.output(context, subnet.id("subnet_id"), "ID of subnet " + subnet.name(), AzureSupport.subnetId(subnet));
    }

    static io.dharma.generator.terraform.BodyItem.Block subnetBlock(String id, String name, ResourceView network, String cidr,
            boolean isPublic) {
        return Blocks.resource("azurerm_subnet", id, body -> body
                .attr("name", name)
                .ref("resource_group_name", AzureSupport.RESOURCE_GROUP + ".name")
                .ref("virtual_network_name", "azurerm_virtual_network." + network.id() + ".name")
                .attr("address_prefixes", Expression.strings(List.of(cidr)))
                .attr("default_outbound_access_enabled", isPublic));
    }

    /**
     * A network security group with its rules as one {@code for_each} resource, attached to the
     * subnets of its targets (all subnets of the network without targets). The explicit deny-all
     * rules make "everything else is denied" true in both directions (Azure's defaults allow
     * traffic inside the virtual network and out to the internet); load balancer health probes
     * stay allowed. Azure attaches one group per subnet, so two firewalls on one subnet fail.
     */
    @Override
    public void firewall(ResourceView firewall, GenerationContext context) {
        String group = "azurerm_network_security_group." + firewall.id();
        context.module().resource(firewall.name(), Blocks.resource("azurerm_network_security_group", firewall.id(), body -> placed(body
                .attr("name", Names.fit(context.cloudName(firewall), 80)))
                .ref("tags", TAGS)));
        context.module().resource(firewall.name(), Blocks.resource("azurerm_network_security_rule", firewall.id(), body -> body
                .attr("for_each", Expression.object(rules(firewall)))
                .blank()
                .ref("name", "each.key")
                .ref("resource_group_name", AzureSupport.RESOURCE_GROUP + ".name")
                .ref("network_security_group_name", group + ".name")
                .ref("priority", "each.value.priority")
                .ref("direction", "each.value.direction")
                .ref("access", "each.value.access")
                .ref("protocol", "each.value.protocol")
                .attr("source_port_range", "*")
                .ref("destination_port_range", "each.value.destination_port_range")
                .ref("destination_port_ranges", "each.value.destination_port_ranges")
                .ref("source_address_prefix", "each.value.source_address_prefix")
                .ref("source_address_prefixes", "each.value.source_address_prefixes")
                .ref("destination_address_prefix", "each.value.destination_address_prefix")
                .ref("destination_address_prefixes", "each.value.destination_address_prefixes")
                .ref("description", "each.value.description")));

        Map<String, String> subnets = new LinkedHashMap<>();
        if (context.explicitTargets(firewall).isEmpty()) {
            context.subnetsOf(context.resource(firewall.string("network")))
                    .forEach(subnet -> subnets.put(subnet.name(), AzureSupport.subnetId(subnet)));
            context.resources("kubernetes.cluster").stream()
                    .filter(cluster -> cluster.string("network").equals(firewall.string("network")) && !cluster.has("subnet"))
                    .forEach(cluster -> subnets.put(cluster.name() + "/nodes", AzureSupport.generatedNodeSubnetId(cluster)));
        } else {
            for (ResourceView target : context.targetsOf(firewall)) {
                AzureSupport.subnetsOf(context, target).forEach(pair -> subnets.putIfAbsent(pair[0], pair[1]));
            }
        }
        for (Map.Entry<String, String> subnet : subnets.entrySet()) {
            Optional<String> other = context.claim("azure-nsg:" + subnet.getKey(), firewall.name());
            if (other.isPresent()) {
                throw new MappingException("Azure attaches one network security group per subnet, and firewall '"
                        + other.get() + "' already applies to subnet " + subnet.getKey()
                        + "; merge the two firewalls or move their targets to separate subnets");
            }
            String id = firewall.id(Names.identifier(subnet.getKey().replace('/', '-')));
            context.module().resource(firewall.name(), Blocks.resource("azurerm_subnet_network_security_group_association", id, body -> body
                    .ref("subnet_id", subnet.getValue())
                    .ref("network_security_group_id", group + ".id")));
        }
        Declarations.output(context, firewall.id("network_security_group_id"),
                "ID of the network security group of firewall " + firewall.name(), group + ".id");
    }

    private static Map<String, Expression> rules(ResourceView firewall) {
        Map<String, Expression> rules = new LinkedHashMap<>();
        for (String direction : List.of("ingress", "egress")) {
            boolean inbound = direction.equals("ingress");
            int priority = FIRST_PRIORITY;
            for (FirewallRule rule : FirewallRule.of(firewall, direction)) {
                for (List<String> cidrs : byIpVersion(rule.cidrs())) {
                    List<String> ports = rule.ports().stream().map(Object::toString).toList();
                    String name = (inbound ? "allow-in-" : "allow-out-") + priority;
                    rules.put(name, rule(priority, inbound, "Allow", protocol(rule.protocol()), ports, cidrs,
                            rule.description()));
                    priority += PRIORITY_STEP;
                }
            }
        }
        rules.put("allow-load-balancer-probes", rule(LOAD_BALANCER_PROBES_PRIORITY, true, "Allow", "*", List.of(),
                List.of("AzureLoadBalancer"), Optional.of("health probes of Azure load balancers")));
        rules.put("deny-all-in", rule(DENY_ALL_PRIORITY, true, "Deny", "*", List.of(), List.of("*"), Optional.empty()));
        rules.put("deny-all-out", rule(DENY_ALL_PRIORITY, false, "Deny", "*", List.of(), List.of("*"), Optional.empty()));
        return rules;
    }

    /** Azure refuses IPv4 and IPv6 prefixes in one rule, so a rule is split per IP version. */
    private static List<List<String>> byIpVersion(List<String> cidrs) {
        List<String> ipv4 = cidrs.stream().filter(cidr -> !FirewallRule.isIpv6(cidr)).toList();
        List<String> ipv6 = cidrs.stream().filter(FirewallRule::isIpv6).toList();
        List<List<String>> groups = new ArrayList<>();
        if (!ipv4.isEmpty()) {
            groups.add(ipv4);
        }
        if (!ipv6.isEmpty()) {
            groups.add(ipv6);
        }
        return groups;
    }

    private static Expression rule(int priority, boolean inbound, String access, String protocol, List<String> ports,
            List<String> peers, Optional<String> description) {
        Map<String, Expression> rule = new LinkedHashMap<>();
        Expression none = Expression.nullValue();
        // One peer (a CIDR, a service tag or "*") goes in the singular argument, several in the list.
        Expression peer = peers.size() == 1 ? Expression.string(peers.getFirst()) : none;
        Expression peerList = peers.size() == 1 ? none : Expression.strings(peers);
        Expression any = Expression.string("*");
        rule.put("priority", Expression.number(priority));
        rule.put("direction", Expression.string(inbound ? "Inbound" : "Outbound"));
        rule.put("access", Expression.string(access));
        rule.put("protocol", Expression.string(protocol));
        rule.put("destination_port_range", ports.isEmpty() ? any : none);
        rule.put("destination_port_ranges", ports.isEmpty() ? none : Expression.strings(ports));
        rule.put("source_address_prefix", inbound ? peer : any);
        rule.put("source_address_prefixes", inbound ? peerList : none);
        rule.put("destination_address_prefix", inbound ? any : peer);
        rule.put("destination_address_prefixes", inbound ? none : peerList);
        rule.put("description", description.map(Expression::string).orElse(none));
        return Expression.object(rule);
    }

    private static String protocol(String protocol) {
        return switch (protocol) {
            case "tcp" -> "Tcp";
            case "udp" -> "Udp";
            case "icmp" -> "Icmp";
            default -> "*";
        };
    }

}
