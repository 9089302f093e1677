package io.dharma.generator.mapping.gcp;

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
import java.util.ArrayList;
import java.util.List;

/**
 * loadbalancer and dns.record on GCP. Both load balancer types become a regional passthrough
 * network load balancer (external when public, internal otherwise): a static address, a backend
 * service over the targets' instance groups and one forwarding rule. Passthrough balancers keep
 * the port and carry one protocol, so a listener's targetPort must equal its port and the
 * listeners must be all TCP or all UDP. DNS records go into an existing Cloud DNS zone, found by
 * its domain.
 */
final class GcpTraffic implements Traffic {

    /** Where Google's health checks (and, for external passthrough balancers, their probes) come from. */
    private static final List<String> HEALTH_CHECK_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22",
            "209.85.152.0/22", "209.85.204.0/22");
    private static final int MAX_FORWARDED_PORTS = 5;

    @Override
    public void loadBalancer(ResourceView lb, GenerationContext context) {
        List<Listener> listeners = Listener.of(lb);
        for (Listener listener : listeners) {
            if (listener.targetPort() != listener.port()) {
                throw new MappingException("a passthrough load balancer on gcp cannot map port " + listener.port()
                        + " to targetPort " + listener.targetPort() + "; use the same port on the targets");
            }
        }
        if (listeners.stream().map(Listener::udp).distinct().count() > 1) {
            throw new MappingException("a load balancer on gcp carries either TCP or UDP; split the listeners over two load balancers");
        }
        if (listeners.size() > MAX_FORWARDED_PORTS) {
            throw new MappingException("a load balancer on gcp forwards at most " + MAX_FORWARDED_PORTS + " ports");
        }
        boolean isPublic = lb.bool("public");
        boolean udp = listeners.getFirst().udp();
        String scheme = isPublic ? "EXTERNAL" : "INTERNAL";
        ResourceView network = context.networkOf(lb).orElseThrow();
        ResourceView firstSubnet = context.resource(lb.strings("subnets").getFirst());
        List<ResourceView> targets = lb.strings("targets").stream().map(context::resource).toList();
        List<String> ports = listeners.stream().map(listener -> Long.toString(listener.port())).toList();

        context.module().resource(lb.name(), Blocks.resource("google_compute_address", lb.id(), body -> body
                .attr("name", Names.fit(context.cloudName(lb), 63))
                .attr("region", context.region())
                .attr("address_type", scheme)
                .ref("subnetwork", isPublic ? null : GcpSupport.subnetId(firstSubnet))));
        context.module().resource(lb.name(), Blocks.resource("google_compute_region_health_check", lb.id(), body -> body
                .attr("name", Names.fit(context.cloudName(lb), 63))
                .attr("region", context.region())
                .block("tcp_health_check", check -> check.attr("port", listeners.getFirst().targetPort()))));
        context.module().resource(lb.name(), Blocks.resource("google_compute_region_backend_service", lb.id(), body -> {
            body.attr("name", Names.fit(context.cloudName(lb), 63))
                    .attr("region", context.region())
                    .attr("protocol", udp ? "UDP" : "TCP")
                    .attr("load_balancing_scheme", scheme)
                    .attr("health_checks", Expression.list(Expression.code("google_compute_region_health_check." + lb.id() + ".id")));
            for (ResourceView target : targets) {
                body.block("backend", backend -> backend
                        .ref("group", "google_compute_instance_group." + target.id() + ".id")
                        .attr("balancing_mode", "CONNECTION"));
            }
        }));
        context.module().resource(lb.name(), Blocks.resource("google_compute_forwarding_rule", lb.id(), body -> body
                .attr("name", Names.fit(context.cloudName(lb), 63))
                .attr("region", context.region())
                .attr("load_balancing_scheme", scheme)
                .attr("ip_protocol", udp ? "UDP" : "TCP")
                .attr("ports", Expression.strings(ports))
                .ref("ip_address", "google_compute_address." + lb.id() + ".address")
                .ref("backend_service", "google_compute_region_backend_service." + lb.id() + ".id")
                .ref("network", isPublic ? null : GcpSupport.networkId(network))
                .ref("subnetwork", isPublic ? null : GcpSupport.subnetId(firstSubnet))));

        List<String> tags = GcpSupport.networkTags(context, targets);
        if (!tags.isEmpty()) {
            List<String> targetPorts = new ArrayList<>(listeners.stream().map(l -> Long.toString(l.targetPort())).distinct().toList());
            context.module().resource(lb.name(), Blocks.resource("google_compute_firewall", lb.id("health_checks"), body -> body
                    .attr("name", Names.fit(context.cloudName(lb, "health-checks"), 63))
                    .ref("network", GcpSupport.networkId(network))
                    .attr("direction", "INGRESS")
                    .attr("source_ranges", Expression.strings(HEALTH_CHECK_RANGES))
                    .attr("target_tags", Expression.strings(tags))
                    .block("allow", allow -> allow
                            .attr("protocol", "tcp")
                            .attr("ports", Expression.strings(targetPorts)))));
        }
        Declarations.output(context, lb.id("ip_address"), "IP address of load balancer " + lb.name(),
                "google_compute_address." + lb.id() + ".address");
    }

    /** A record in the Cloud DNS managed zone whose domain is the record's zone. */
    @Override
    public void dnsRecord(ResourceView record, GenerationContext context) {
        DnsRecord dns = DnsRecord.of(record, context);
        context.module().data(Blocks.data("google_dns_managed_zones", "all", body -> { }));
        String zoneLookup = "one([for zone in data.google_dns_managed_zones.all.managed_zones : zone.name if zone.dns_name == \""
                + dns.zone() + ".\"])";
        context.module().resource(record.name(), Blocks.resource("google_dns_record_set", record.id(), body -> body
                .ref("managed_zone", zoneLookup)
                .attr("name", dns.fqdn() + ".")
                .attr("type", dns.type())
                .attr("ttl", dns.ttl())
                .attr("rrdatas", rrdatas(dns))));
        Declarations.output(context, record.id("fqdn"), "Name of DNS record " + record.name(),
                "google_dns_record_set." + record.id() + ".name");
    }

    private static Expression rrdatas(DnsRecord dns) {
        if (dns.target().isPresent()) {
            ResourceView target = dns.target().get();
            if (target.type().equals("loadbalancer")) {
                if (dns.type().equals("CNAME")) {
                    throw new MappingException("a load balancer has an address, not a host name, on gcp; point an A record at '"
                            + target.name() + "' instead");
                }
                return Expression.list(Expression.code("google_compute_address." + target.id() + ".address"));
            }
            String nic = "google_compute_instance." + target.id() + "[*].network_interface[0]";
            return Expression.code(target.bool("publicIp") ? nic + ".access_config[0].nat_ip" : nic + ".network_ip");
        }
        return Expression.strings(dns.values().stream().map(value -> switch (dns.type()) {
            // Cloud DNS wants TXT data quoted and host names fully qualified.
            case "TXT" -> "\"" + value.replace("\"", "\\\"") + "\"";
            case "CNAME" -> value.endsWith(".") ? value : value + ".";
            default -> value;
        }).toList());
    }
}
