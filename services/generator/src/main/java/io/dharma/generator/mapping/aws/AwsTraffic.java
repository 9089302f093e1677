package io.dharma.generator.mapping.aws;

import static io.dharma.generator.mapping.Exprs.refs;

import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.DnsRecord;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Listener;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.mapping.Traffic;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.List;

/** loadbalancer and dns.record on AWS: ALB/NLB with target groups, Route 53 records. */
final class AwsTraffic implements Traffic {

    /**
     * An application (HTTP/HTTPS) or network (TCP/UDP/TLS) load balancer with one target group
     * and listener per listener of the blueprint. HTTPS and TLS listeners terminate TLS with a
     * certificate whose ARN is a variable; targets receive plain traffic.
     */
    @Override
    public void loadBalancer(ResourceView lb, GenerationContext context) {
        boolean application = lb.string("type").equals("application");
        List<ResourceView> subnets = lb.strings("subnets").stream().map(context::resource).toList();
        if (application && subnets.size() < 2) {
            throw new MappingException("an application load balancer on aws needs subnets in at least two availability zones; "
                    + "list a second subnet in subnets");
        }
        ResourceView network = context.networkOf(lb).orElseThrow();
        List<String> groups = AwsSupport.securityGroupIds(context, lb);
        context.module().resource(lb.name(), Blocks.resource("aws_lb", lb.id(), body -> body
                .attr("name", Names.fit(context.cloudName(lb), 32))
                .attr("load_balancer_type", application ? "application" : "network")
                .attr("internal", !lb.bool("public"))
                .attr("subnets", refs(subnets.stream().map(AwsSupport::subnetId).toList()))
                .attr("security_groups", groups.isEmpty() ? null : refs(groups))
                .attr("drop_invalid_header_fields", application ? Expression.bool(true) : null)));

        for (Listener listener : Listener.of(lb)) {
            String protocol = listener.protocol();
            long port = listener.port();
            long targetPort = listener.targetPort();
            String key = lb.id(listener.key());
            String targetProtocol = switch (protocol) {
                case "http", "https" -> "HTTP";
                case "udp" -> "UDP";
                default -> "TCP";
            };
            context.module().resource(lb.name(), Blocks.resource("aws_lb_target_group", key, body -> body
                    .attr("name", Names.fit(context.cloudName(lb, protocol + "-" + port), 32))
                    .attr("port", targetPort)
                    .attr("protocol", targetProtocol)
                    .ref("vpc_id", "aws_vpc." + network.id() + ".id")
                    .attr("target_type", "instance")));
            boolean tls = listener.terminatesTls();
            if (tls) {
                Declarations.input(context, lb.id("certificate_arn"),
                        "ARN of the ACM certificate load balancer " + lb.name() + " presents on its " + protocol + " listeners");
            }
            context.module().resource(lb.name(), Blocks.resource("aws_lb_listener", key, body -> body
                    .ref("load_balancer_arn", "aws_lb." + lb.id() + ".arn")
                    .attr("port", port)
                    .attr("protocol", protocol.toUpperCase(java.util.Locale.ROOT))
                    .attr("ssl_policy", tls ? "ELBSecurityPolicy-TLS13-1-2-2021-06" : null)
                    .ref("certificate_arn", tls ? "var." + lb.id("certificate_arn") : null)
                    .block("default_action", action -> action
                            .attr("type", "forward")
                            .ref("target_group_arn", "aws_lb_target_group." + key + ".arn"))));
            for (String targetName : lb.strings("targets")) {
                ResourceView target = context.resource(targetName);
                context.module().resource(lb.name(), Blocks.resource("aws_lb_target_group_attachment", key + "_" + target.id(), body -> body
                        .attr("count", target.integer("count"))
                        .blank()
                        .ref("target_group_arn", "aws_lb_target_group." + key + ".arn")
                        .ref("target_id", "aws_instance." + target.id() + "[count.index].id")
                        .attr("port", targetPort)));
            }
        }
        Declarations.output(context, lb.id("dns_name"), "DNS name of load balancer " + lb.name(),
                "aws_lb." + lb.id() + ".dns_name");
    }

    /** A Route 53 record in an existing public hosted zone, found by its domain name. */
    @Override
    public void dnsRecord(ResourceView record, GenerationContext context) {
        DnsRecord dns = DnsRecord.of(record, context);
        String zone = Names.identifier(dns.zone().replace('.', '_'));
        context.module().data(Blocks.data("aws_route53_zone", zone, body -> body
                .attr("name", dns.zone())
                .attr("private_zone", false)));
        boolean alias = dns.targetsLoadBalancer() && dns.type().equals("A");
        context.module().resource(record.name(), Blocks.resource("aws_route53_record", record.id(), body -> {
            body.ref("zone_id", "data.aws_route53_zone." + zone + ".zone_id")
                    .attr("name", dns.fqdn())
                    .attr("type", dns.type());
            if (alias) {
                String lb = "aws_lb." + dns.target().get().id();
                body.block("alias", aliasBody -> aliasBody
                        .ref("name", lb + ".dns_name")
                        .ref("zone_id", lb + ".zone_id")
                        .attr("evaluate_target_health", true));
            } else {
                body.attr("ttl", dns.ttl()).attr("records", records(dns));
            }
        }));
        Declarations.output(context, record.id("fqdn"), "Name of DNS record " + record.name(),
                "aws_route53_record." + record.id() + ".fqdn");
    }

    private static Expression records(DnsRecord dns) {
        if (dns.target().isEmpty()) {
            return Expression.strings(dns.values());
        }
        ResourceView target = dns.target().get();
        if (target.type().equals("loadbalancer")) {
            return Expression.list(Expression.code("aws_lb." + target.id() + ".dns_name"));
        }
        String attribute = target.bool("publicIp") ? "public_ip" : "private_ip";
        return Expression.code("aws_instance." + target.id() + "[*]." + attribute);
    }
}
