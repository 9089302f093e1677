package io.dharma.generator.mapping.azure;

import static io.dharma.generator.mapping.azure.AzureSupport.TAGS;
import static io.dharma.generator.mapping.azure.AzureSupport.placed;

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
import java.util.Locale;

/**
 * loadbalancer and dns.record on Azure. Both load balancer types become a Standard Load
 * Balancer (layer 4) with one rule and TCP probe per listener; HTTP(S) passes through and TLS
 * terminates on the targets. DNS records go into an existing Azure DNS zone, found by name.
 */
final class AzureTraffic implements Traffic {

    private static final String FRONTEND = "frontend";

    @Override
    public void loadBalancer(ResourceView lb, GenerationContext context) {
        List<Listener> listeners = Listener.of(lb);
        boolean isPublic = lb.bool("public");
        String address = "azurerm_lb." + lb.id();
        String name = Names.fit(context.cloudName(lb), 80);
        if (isPublic) {
            context.module().resource(lb.name(), Blocks.resource("azurerm_public_ip", lb.id(), body -> placed(body
                    .attr("name", name))
                    .attr("allocation_method", "Static")
                    .attr("sku", "Standard")
                    .attr("domain_name_label", Names.fit(context.cloudName(lb), 63))
                    .ref("tags", TAGS)));
        }
        ResourceView firstSubnet = context.resource(lb.strings("subnets").getFirst());
        context.module().resource(lb.name(), Blocks.resource("azurerm_lb", lb.id(), body -> placed(body
                .attr("name", name))
                .attr("sku", "Standard")
                .ref("tags", TAGS)
                .block("frontend_ip_configuration", frontend -> {
                    frontend.attr("name", FRONTEND);
                    if (isPublic) {
                        frontend.ref("public_ip_address_id", "azurerm_public_ip." + lb.id() + ".id");
                    } else {
                        frontend.ref("subnet_id", AzureSupport.subnetId(firstSubnet))
                                .attr("private_ip_address_allocation", "Dynamic");
                    }
                })));
        String pool = "azurerm_lb_backend_address_pool." + lb.id();
        context.module().resource(lb.name(), Blocks.resource("azurerm_lb_backend_address_pool", lb.id(), body -> body
                .attr("name", "targets")
                .ref("loadbalancer_id", address + ".id")));
        for (Listener listener : listeners) {
            String key = lb.id(listener.key());
            String protocol = listener.udp() ? "Udp" : "Tcp";
            if (!listener.udp()) {
                context.module().resource(lb.name(), Blocks.resource("azurerm_lb_probe", key, body -> body
                        .attr("name", "tcp-" + listener.targetPort())
                        .ref("loadbalancer_id", address + ".id")
                        .attr("protocol", "Tcp")
                        .attr("port", listener.targetPort())));
            }
            context.module().resource(lb.name(), Blocks.resource("azurerm_lb_rule", key, body -> body
                    .attr("name", listener.protocol() + "-" + listener.port())
                    .ref("loadbalancer_id", address + ".id")
                    .attr("protocol", protocol)
                    .attr("frontend_port", listener.port())
                    .attr("backend_port", listener.targetPort())
                    .attr("frontend_ip_configuration_name", FRONTEND)
                    .attr("backend_address_pool_ids", Expression.list(Expression.code(pool + ".id")))
                    .ref("probe_id", listener.udp() ? null : "azurerm_lb_probe." + key + ".id")));
        }
        for (String targetName : lb.strings("targets")) {
            ResourceView target = context.resource(targetName);
            context.module().resource(lb.name(), Blocks.resource("azurerm_network_interface_backend_address_pool_association",
                    lb.id(target.id()), body -> body
                            .attr("count", target.integer("count"))
                            .blank()
                            .ref("network_interface_id", "azurerm_network_interface." + target.id() + "[count.index].id")
                            .attr("ip_configuration_name", "primary")
                            .ref("backend_address_pool_id", pool + ".id")));
        }
        Declarations.output(context, lb.id("ip_address"), "IP address of load balancer " + lb.name(),
                isPublic ? "azurerm_public_ip." + lb.id() + ".ip_address" : address + ".private_ip_address");
    }

    @Override
    public void dnsRecord(ResourceView record, GenerationContext context) {
        DnsRecord dns = DnsRecord.of(record, context);
        String zone = "data.azurerm_dns_zone." + Names.identifier(dns.zone().replace('.', '_'));
        // Without a resource group the lookup finds the zone anywhere in the subscription.
        context.module().data(Blocks.data("azurerm_dns_zone", Names.identifier(dns.zone().replace('.', '_')), body -> body
                .attr("name", dns.zone())));
        String type = "azurerm_dns_" + dns.type().toLowerCase(Locale.ROOT) + "_record";
        context.module().resource(record.name(), Blocks.resource(type, record.id(), body -> {
            body.attr("name", dns.name())
                    .ref("zone_name", zone + ".name")
                    .ref("resource_group_name", zone + ".resource_group_name")
                    .attr("ttl", dns.ttl());
            switch (dns.type()) {
                case "CNAME" -> body.attr("record", cnameTarget(dns));
                case "TXT" -> dns.values().forEach(value -> body.block("record", txt -> txt.attr("value", value)));
                default -> {
                    if (dns.targetsLoadBalancer() && dns.target().get().bool("public")) {
                        body.ref("target_resource_id", "azurerm_public_ip." + dns.target().get().id() + ".id");
                    } else {
                        body.attr("records", addresses(dns));
                    }
                }
            }
            body.ref("tags", TAGS);
        }));
        Declarations.output(context, record.id("fqdn"), "Name of DNS record " + record.name(), type + "." + record.id() + ".fqdn");
    }

    private static Expression cnameTarget(DnsRecord dns) {
        if (dns.target().isEmpty()) {
            return Expression.string(dns.values().getFirst());
        }
        ResourceView lb = dns.target().get();
        if (!lb.bool("public")) {
            throw new MappingException("an internal load balancer has no host name on azure; point an A record at '"
                    + lb.name() + "' instead");
        }
        return Expression.code("azurerm_public_ip." + lb.id() + ".fqdn");
    }

    private static Expression addresses(DnsRecord dns) {
        if (dns.target().isEmpty()) {
            return Expression.strings(dns.values());
        }
        ResourceView target = dns.target().get();
        if (target.type().equals("loadbalancer")) {
            return Expression.list(Expression.code("azurerm_lb." + target.id() + ".private_ip_address"));
        }
        return Expression.code(target.bool("publicIp")
                ? "azurerm_public_ip." + target.id() + "[*].ip_address"
                : "azurerm_network_interface." + target.id() + "[*].private_ip_address");
    }
}
