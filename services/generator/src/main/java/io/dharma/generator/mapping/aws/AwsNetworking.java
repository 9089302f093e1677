package io.dharma.generator.mapping.aws;

import static io.dharma.generator.mapping.Exprs.nameTag;

import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.FirewallRule;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Networking;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** network, subnet and firewall on AWS: VPC, subnets with a public route table, security groups. */
final class AwsNetworking implements Networking {

    /** Characters AWS accepts in security group (rule) descriptions. */
    private static final Pattern DESCRIPTION_UNSAFE = Pattern.compile("[^a-zA-Z0-9. _\\-:/()#,@\\[\\]+=&;{}!$*]");

    @Override
    public void network(ResourceView network, GenerationContext context) {
        String name = context.cloudName(network);
        context.module().resource(network.name(), Blocks.resource("aws_vpc", network.id(), body -> body
                .attr("cidr_block", network.string("cidr"))
                .attr("enable_dns_hostnames", true)
                .attr("enable_dns_support", true)
                .blank()
                .attr("tags", nameTag(name))));
        Declarations.output(context, network.id("vpc_id"), "ID of the VPC of network " + network.name(),
                "aws_vpc." + network.id() + ".id");

        if (needsInternetGateway(context, network)) {
            context.module().resource(network.name(), Blocks.resource("aws_internet_gateway", network.id(), body -> body
                    .ref("vpc_id", "aws_vpc." + network.id() + ".id")
                    .blank()
                    .attr("tags", nameTag(name))));
            context.module().resource(network.name(), Blocks.resource("aws_route_table", network.id("public"), body -> body
                    .ref("vpc_id", "aws_vpc." + network.id() + ".id")
                    .blank()
                    .attr("tags", nameTag(name + "-public"))));
            // A separate aws_route rather than an inline route: the two styles must not be mixed,
            // and inline routes are attributes-as-blocks, awkward in JSON syntax.
            context.module().resource(network.name(), Blocks.resource("aws_route", network.id("internet"), body -> body
                    .ref("route_table_id", "aws_route_table." + network.id("public") + ".id")
                    .attr("destination_cidr_block", "0.0.0.0/0")
                    .ref("gateway_id", "aws_internet_gateway." + network.id() + ".id")));
        }
    }

    /** A VPC gets an internet gateway when one of its subnets is public or EKS nodes need a generated public subnet. */
    static boolean needsInternetGateway(GenerationContext context, ResourceView network) {
        return context.subnetsOf(network).stream().anyMatch(subnet -> subnet.bool("public"))
                || context.resources("kubernetes.cluster").stream()
                        .anyMatch(cluster -> cluster.string("network").equals(network.name()) && !cluster.has("subnet"));
    }

    @Override
    public void subnet(ResourceView subnet, GenerationContext context) {
        ResourceView network = context.resource(subnet.string("network"));
        AwsSupport.declareZones(context);
        context.module().resource(subnet.name(), Blocks.resource("aws_subnet", subnet.id(), body -> body
                .ref("vpc_id", "aws_vpc." + network.id() + ".id")
                .attr("cidr_block", subnet.string("cidr"))
                .ref("availability_zone", AwsSupport.zone(context.subnetIndex(subnet)))
                .attr("map_public_ip_on_launch", false)
                .blank()
                .attr("tags", nameTag(context.cloudName(subnet)))));
        if (subnet.bool("public")) {
            context.module().resource(subnet.name(), Blocks.resource("aws_route_table_association", subnet.id(), body -> body
                    .ref("subnet_id", AwsSupport.subnetId(subnet))
                    .ref("route_table_id", "aws_route_table." + network.id("public") + ".id")));
        }
        Declarations.output(context, subnet.id("subnet_id"), "ID of subnet " + subnet.name(), AwsSupport.subnetId(subnet));
    }

    /**
     * A security group with one rule resource per direction, each a {@code for_each} over the
     * expanded rules (one per protocol, port and CIDR, as AWS stores them). The keys describe the
     * rule, so adding a rule never replaces the others. Terraform removes the allow-all egress
     * rule AWS adds to a new group, so what is not listed is denied, as the catalogue says.
     */
    @Override
    public void firewall(ResourceView firewall, GenerationContext context) {
        ResourceView network = context.resource(firewall.string("network"));
        String group = "aws_security_group." + firewall.id() + ".id";
        context.module().resource(firewall.name(), Blocks.resource("aws_security_group", firewall.id(), body -> body
                .attr("name", context.cloudName(firewall))
                .attr("description", "Firewall " + firewall.name() + " of blueprint " + context.blueprintName())
                .ref("vpc_id", "aws_vpc." + network.id() + ".id")
                .blank()
                .attr("tags", nameTag(context.cloudName(firewall)))));
        for (String direction : List.of("ingress", "egress")) {
            Map<String, Expression> rules = expand(FirewallRule.of(firewall, direction));
            if (rules.isEmpty()) {
                continue;
            }
            String type = "aws_vpc_security_group_" + direction + "_rule";
            context.module().resource(firewall.name(), Blocks.resource(type, firewall.id(direction), body -> body
                    .attr("for_each", Expression.object(rules))
                    .blank()
                    .ref("security_group_id", group)
                    .ref("description", "each.value.description")
                    .ref("ip_protocol", "each.value.ip_protocol")
                    .ref("from_port", "each.value.from_port")
                    .ref("to_port", "each.value.to_port")
                    .ref("cidr_ipv4", "each.value.cidr_ipv4")
                    .ref("cidr_ipv6", "each.value.cidr_ipv6")));
        }
        Declarations.output(context, firewall.id("security_group_id"), "ID of the security group of firewall " + firewall.name(), group);
    }

    private static Map<String, Expression> expand(List<FirewallRule> rules) {
        Map<String, Expression> expanded = new LinkedHashMap<>();
        for (FirewallRule rule : rules) {
            for (String cidr : rule.cidrs()) {
                boolean ipv6 = FirewallRule.isIpv6(cidr);
                for (Ports ports : ports(rule, ipv6)) {
                    String key = rule.protocol() + (ports.label().isEmpty() ? "" : "-" + ports.label()) + "-" + cidr;
                    Map<String, Expression> value = new LinkedHashMap<>();
                    value.put("description", rule.description().map(AwsNetworking::description)
                            .map(Expression::string).orElse(Expression.nullValue()));
                    value.put("ip_protocol", Expression.string(ports.protocol()));
                    value.put("from_port", ports.from() == null ? Expression.nullValue() : Expression.number(ports.from()));
                    value.put("to_port", ports.to() == null ? Expression.nullValue() : Expression.number(ports.to()));
                    value.put("cidr_ipv4", ipv6 ? Expression.nullValue() : Expression.string(cidr));
                    value.put("cidr_ipv6", ipv6 ? Expression.string(cidr) : Expression.nullValue());
                    expanded.putIfAbsent(key, Expression.object(value));
                }
            }
        }
        return expanded;
    }

    /** AWS protocol and port fields of one rule entry; ports are null where AWS takes none. */
    private record Ports(String protocol, Long from, Long to, String label) {
    }

    private static List<Ports> ports(FirewallRule rule, boolean ipv6) {
        return switch (rule.protocol()) {
            case "all" -> List.of(new Ports("-1", null, null, ""));
            case "icmp" -> List.of(new Ports(ipv6 ? "icmpv6" : "icmp", -1L, -1L, ""));
            default -> {
                List<Ports> result = new ArrayList<>();
                rule.ports().forEach(range -> result.add(new Ports(rule.protocol(), range.from(), range.to(), range.toString())));
                yield result;
            }
        };
    }

    private static String description(String text) {
        return DESCRIPTION_UNSAFE.matcher(text).replaceAll(" ");
    }
}
