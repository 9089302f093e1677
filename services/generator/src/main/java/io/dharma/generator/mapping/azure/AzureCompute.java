package io.dharma.generator.mapping.azure;

import static io.dharma.generator.mapping.azure.AzureSupport.TAGS;
import static io.dharma.generator.mapping.azure.AzureSupport.placed;

import io.dharma.generator.mapping.Compute;
import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.CidrRange;
import io.dharma.generator.mapping.MappingException;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** compute.instance and kubernetes.cluster on Azure: Linux/Windows VMs with NICs, AKS. */
final class AzureCompute implements Compute {

    static final String ADMIN_USER = "dharma";
    static final String SSH_KEY_VARIABLE = "ssh_public_key";

    /** A marketplace image and the smallest OS disk it fits on. */
    private record Image(String publisher, String offer, String sku, long minimumDiskGb) {
    }

    private static final Map<String, Image> IMAGES = Map.of(
            "ubuntu-22.04", new Image("Canonical", "0001-com-ubuntu-server-jammy", "22_04-lts-gen2", 30),
            "ubuntu-24.04", new Image("Canonical", "ubuntu-24_04-lts", "server", 30),
            "debian-12", new Image("Debian", "debian-12", "12-gen2", 30),
            "rhel-9", new Image("RedHat", "RHEL", "9-lvm-gen2", 64),
            "windows-2022", new Image("MicrosoftWindowsServer", "WindowsServer", "2022-datacenter-g2", 127));

    /** Address ranges AKS may use for services and pods, tried in order; the first clear of every network wins. */
    private static final List<String> CLUSTER_RANGES = List.of(
            "172.16.0.0/16", "172.17.0.0/16", "172.18.0.0/16", "192.168.0.0/16", "10.244.0.0/16", "10.245.0.0/16");

    @Override
    public void instance(ResourceView instance, GenerationContext context) {
        Image image = IMAGES.get(instance.string("image"));
        Map<String, Object> disk = instance.object("disk");
        long diskGb = Compute.diskGbFitting(instance, image.minimumDiskGb(), "azure");
        boolean windows = instance.string("image").startsWith("windows");
        boolean publicIp = instance.bool("publicIp");
        String nic = "azurerm_network_interface." + instance.id();
        String name = Names.fit(context.cloudName(instance), 60);

        if (publicIp) {
            context.module().resource(instance.name(), Blocks.resource("azurerm_public_ip", instance.id(), body -> placed(body
                    .attr("count", instance.integer("count"))
                    .blank()
                    .attr("name", Expression.template(name + "-${count.index}")))
                    .attr("allocation_method", "Static")
                    .attr("sku", "Standard")
                    .ref("tags", TAGS)));
        }
        context.module().resource(instance.name(), Blocks.resource("azurerm_network_interface", instance.id(), body -> placed(body
                .attr("count", instance.integer("count"))
                .blank()
                .attr("name", Expression.template(name + "-${count.index}")))
                .ref("tags", TAGS)
                .block("ip_configuration", ip -> ip
                        .attr("name", "primary")
                        .ref("subnet_id", AzureSupport.subnetId(context.resource(instance.string("subnet"))))
                        .attr("private_ip_address_allocation", "Dynamic")
                        .ref("public_ip_address_id", publicIp ? "azurerm_public_ip." + instance.id() + "[count.index].id" : null))));

        String type = windows ? "azurerm_windows_virtual_machine" : "azurerm_linux_virtual_machine";
        if (windows) {
            Declarations.secret(context, instance.id("admin_password"),
                    "Password of the administrator '" + ADMIN_USER + "' of Windows instances " + instance.name());
        } else {
            Declarations.input(context, SSH_KEY_VARIABLE,
                    "SSH public key of the administrator '" + ADMIN_USER + "' of the Linux virtual machines");
        }
        context.module().resource(instance.name(), Blocks.resource(type, instance.id(), body -> {
            placed(body.attr("count", instance.integer("count"))
                    .blank()
                    .attr("name", Expression.template(name + "-${count.index}")))
                    // Windows computer names have at most 15 characters.
                    .attr("computer_name", windows ? Expression.template(Names.fit(instance.name(), 11) + "-${count.index}") : null)
                    .attr("size", context.sku(instance, "size"))
                    .attr("admin_username", ADMIN_USER)
                    .ref("admin_password", windows ? "var." + instance.id("admin_password") : null)
                    .attr("network_interface_ids", Expression.list(Expression.code(nic + "[count.index].id")))
                    .ref("tags", TAGS);
            if (!windows) {
                body.block("admin_ssh_key", key -> key
                        .attr("username", ADMIN_USER)
                        .ref("public_key", "var." + SSH_KEY_VARIABLE));
            }
            body.block("os_disk", os -> os
                            .attr("caching", "ReadWrite")
                            .attr("storage_account_type", "ssd".equals(disk.get("type")) ? "Premium_LRS" : "Standard_LRS")
                            .attr("disk_size_gb", diskGb))
                    .block("source_image_reference", source -> source
                            .attr("publisher", image.publisher())
                            .attr("offer", image.offer())
                            .attr("sku", image.sku())
                            .attr("version", "latest"));
        }));

        Declarations.output(context, instance.id("private_ips"), "Private IP addresses of " + instance.name(),
                nic + "[*].private_ip_address");
        if (publicIp) {
            Declarations.output(context, instance.id("public_ips"), "Public IP addresses of " + instance.name(),
                    "azurerm_public_ip." + instance.id() + "[*].ip_address");
        }
    }

    /**
     * An AKS cluster with Azure CNI in overlay mode: nodes in the blueprint's subnet (or one
     * created for them), pods and services in ranges clear of every network of the blueprint.
     */
    @Override
    public void kubernetes(ResourceView cluster, GenerationContext context) {
        ResourceView network = context.resource(cluster.string("network"));
        String subnetId = cluster.has("subnet")
                ? AzureSupport.subnetId(context.resource(cluster.string("subnet")))
                : generatedNodeSubnet(cluster, network, context);
        List<CidrRange> taken = new ArrayList<>(context.resources("network").stream()
                .map(net -> CidrRange.parse(net.string("cidr"))).toList());
        CidrRange services = clusterRange(cluster, taken);
        taken.add(services);
        CidrRange pods = clusterRange(cluster, taken);
        String dnsServiceIp = new CidrRange(services.base() + 10, 32).toString().replace("/32", "");

        Optional<Map<String, Object>> autoscale = Optional.of(cluster.object("autoscale")).filter(map -> !map.isEmpty());
        String name = Names.fit(context.cloudName(cluster), 63);
        context.module().resource(cluster.name(), Blocks.resource("azurerm_kubernetes_cluster", cluster.id(), body -> placed(body
                .attr("name", name))
                .attr("dns_prefix", Names.fit(context.cloudName(cluster), 54))
                .attr("kubernetes_version", cluster.string("version"))
                .attr("sku_tier", context.production() ? "Standard" : "Free")
                .ref("tags", TAGS)
                .block("default_node_pool", pool -> {
                    pool.attr("name", "default")
                            .attr("vm_size", context.sku(cluster, "nodeSize"))
                            .attr("node_count", cluster.integer("nodeCount"))
                            .ref("vnet_subnet_id", subnetId);
                    autoscale.ifPresent(bounds -> pool
                            .attr("auto_scaling_enabled", true)
                            .attr("min_count", ((Number) bounds.get("min")).longValue())
                            .attr("max_count", ((Number) bounds.get("max")).longValue()));
                    pool.block("upgrade_settings", upgrade -> upgrade.attr("max_surge", "10%"));
                })
                .block("identity", identity -> identity.attr("type", "SystemAssigned"))
                .block("network_profile", profile -> profile
                        .attr("network_plugin", "azure")
                        .attr("network_plugin_mode", "overlay")
                        .attr("pod_cidr", pods.toString())
                        .attr("service_cidr", services.toString())
                        .attr("dns_service_ip", dnsServiceIp))
                .block(autoscale.isEmpty() ? null : Blocks.lifecycleIgnoring("default_node_pool[0].node_count"))));

        Declarations.output(context, cluster.id("fqdn"), "API server host name of cluster " + cluster.name(),
                "azurerm_kubernetes_cluster." + cluster.id() + ".fqdn");
        Declarations.output(context, cluster.id("name"), "Name of AKS cluster " + cluster.name(),
                "azurerm_kubernetes_cluster." + cluster.id() + ".name");
    }

    private static String generatedNodeSubnet(ResourceView cluster, ResourceView network, GenerationContext context) {
        context.module().resource(cluster.name(), AzureNetworking.subnetBlock(cluster.id("nodes"),
                Names.fit(context.cloudName(cluster, "nodes"), 80), network, context.allocateNodeRange(network, cluster).toString(), false));
        return AzureSupport.generatedNodeSubnetId(cluster);
    }

    private static CidrRange clusterRange(ResourceView cluster, List<CidrRange> taken) {
        return CLUSTER_RANGES.stream().map(CidrRange::parse)
                .filter(candidate -> taken.stream().noneMatch(candidate::overlaps))
                .findFirst()
                .orElseThrow(() -> new MappingException("no address range is left for the pods and services of cluster '"
                        + cluster.name() + "': the blueprint's networks cover all of " + String.join(", ", CLUSTER_RANGES)));
    }

}
