package io.dharma.generator.mapping.aws;

import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.CidrRange;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import java.util.ArrayList;
import java.util.List;

/** What several AWS mappings need: subnet placement, security groups, zones. */
final class AwsSupport {

    static final String ZONES = "data.aws_availability_zones.available.names";

    private AwsSupport() {
    }

    /** Declares the availability-zone lookup subnets are spread over. */
    static void declareZones(GenerationContext context) {
        context.module().data(Blocks.data("aws_availability_zones", "available", body -> body
                .attr("state", "available")));
    }

    /** The zone of the n-th subnet of a network; {@code element} wraps around the region's zones. */
    static String zone(int index) {
        return "element(" + ZONES + ", " + index + ")";
    }

    static String subnetId(ResourceView subnet) {
        return "aws_subnet." + subnet.id() + ".id";
    }

    /** The security groups of the firewalls that apply to {@code target}. */
    static List<String> securityGroupIds(GenerationContext context, ResourceView target) {
        return context.firewallsFor(target).stream()
                .map(firewall -> "aws_security_group." + firewall.id() + ".id")
                .toList();
    }

    /**
     * The subnet a managed service was placed in, followed by the other subnets of its network:
     * RDS, ElastiCache with replicas and EKS want subnets in at least two availability zones. In a
     * network with a single subnet, a companion subnet of the same size is created next to it.
     */
    static List<String> subnetGroup(GenerationContext context, ResourceView resource, ResourceView subnet) {
        ResourceView network = context.resource(subnet.string("network"));
        List<String> ids = new ArrayList<>();
        ids.add(subnetId(subnet));
        context.subnetsOf(network).stream().filter(sibling -> !sibling.equals(subnet)).map(AwsSupport::subnetId).forEach(ids::add);
        if (ids.size() < 2) {
            CidrRange range = context.allocateRange(network, CidrRange.parse(subnet.string("cidr")).prefix(), resource);
            ids.add(generatedSubnet(context, resource, network, "zone_b", range, context.subnetIndex(subnet) + 1, false));
        }
        return ids;
    }

    /** A subnet the generator adds for {@code owner}; public ones route through the network's internet gateway. */
    static String generatedSubnet(GenerationContext context, ResourceView owner, ResourceView network, String suffix,
            CidrRange range, int zoneIndex, boolean isPublic) {
        String id = owner.id(suffix);
        context.module().resource(owner.name(), Blocks.resource("aws_subnet", id, body -> body
                .ref("vpc_id", "aws_vpc." + network.id() + ".id")
                .attr("cidr_block", range.toString())
                .ref("availability_zone", zone(zoneIndex))
                .attr("map_public_ip_on_launch", isPublic)
                .blank()
                .attr("tags", Exprs.nameTag(context.cloudName(owner, suffix.replace('_', '-'))))));
        if (isPublic) {
            context.module().resource(owner.name(), Blocks.resource("aws_route_table_association", id, body -> body
                    .ref("subnet_id", "aws_subnet." + id + ".id")
                    .ref("route_table_id", "aws_route_table." + network.id("public") + ".id")));
        }
        declareZones(context);
        return "aws_subnet." + id + ".id";
    }
}
