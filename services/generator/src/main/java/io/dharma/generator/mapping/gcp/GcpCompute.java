package io.dharma.generator.mapping.gcp;

import io.dharma.generator.mapping.Compute;
import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.CidrRange;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** compute.instance and kubernetes.cluster on GCP: Compute Engine instances, a regional GKE cluster with one node pool. */
final class GcpCompute implements Compute {

    /** A public image family and the smallest boot disk it fits on. */
    private record Image(String family, long minimumDiskGb) {
    }

    private static final Map<String, Image> IMAGES = Map.of(
            "ubuntu-22.04", new Image("ubuntu-os-cloud/ubuntu-2204-lts", 10),
            "ubuntu-24.04", new Image("ubuntu-os-cloud/ubuntu-2404-lts-amd64", 10),
            "debian-12", new Image("debian-cloud/debian-12", 10),
            "rhel-9", new Image("rhel-cloud/rhel-9", 20),
            "windows-2022", new Image("windows-cloud/windows-2022", 50));

    /**
     * {@code count} instances in the zone of their subnet (GCP subnets are regional; placing a
     * subnet's instances in one zone matches the other clouds, where a subnet lies in one zone).
     * When a load balancer targets them, they also form an unmanaged instance group.
     */
    @Override
    public void instance(ResourceView instance, GenerationContext context) {
        Image image = IMAGES.get(instance.string("image"));
        Map<String, Object> disk = instance.object("disk");
        long diskGb = Compute.diskGbFitting(instance, image.minimumDiskGb(), "gcp");
        ResourceView subnet = context.resource(instance.string("subnet"));
        String zone = GcpSupport.zone(context.subnetIndex(subnet));
        GcpSupport.declareZones(context);
        String name = Names.fit(context.cloudName(instance), 58);
        String tag = GcpSupport.networkTag(context, instance).orElseThrow();
        boolean publicIp = instance.bool("publicIp");
        context.module().resource(instance.name(), Blocks.resource("google_compute_instance", instance.id(), body -> body
                .attr("count", instance.integer("count"))
                .blank()
                .attr("name", Expression.template(name + "-${count.index}"))
                .attr("machine_type", context.sku(instance, "size"))
                .ref("zone", zone)
                .attr("tags", Expression.strings(List.of(tag)))
                .attr("metadata", Expression.object(Map.of("enable-oslogin", Expression.string("TRUE"))))
                .block("boot_disk", boot -> boot
                        .block("initialize_params", params -> params
                                .attr("image", image.family())
                                .attr("size", diskGb)
                                .attr("type", "ssd".equals(disk.get("type")) ? "pd-ssd" : "pd-standard")))
                .block("network_interface", nic -> {
                    nic.ref("subnetwork", GcpSupport.subnetId(subnet));
                    if (publicIp) {
                        nic.block("access_config", access -> { });
                    }
                })
                .block("shielded_instance_config", shielded -> shielded.attr("enable_secure_boot", true))));

        boolean balanced = context.resources("loadbalancer").stream().anyMatch(lb -> lb.strings("targets").contains(instance.name()));
        if (balanced) {
            context.module().resource(instance.name(), Blocks.resource("google_compute_instance_group", instance.id(), body -> body
                    .attr("name", Names.fit(context.cloudName(instance), 63))
                    .ref("zone", zone)
                    .attr("instances", Expression.code("google_compute_instance." + instance.id() + "[*].self_link"))));
        }
        String instances = "google_compute_instance." + instance.id() + "[*].network_interface[0]";
        Declarations.output(context, instance.id("private_ips"), "Private IP addresses of " + instance.name(),
                instances + ".network_ip");
        if (publicIp) {
            Declarations.output(context, instance.id("public_ips"), "Public IP addresses of " + instance.name(),
                    instances + ".access_config[0].nat_ip");
        }
    }

    /**
     * A regional GKE cluster (VPC-native, default pool removed) and one node pool. GKE counts
     * nodes per zone; the blueprint's total goes to the autoscaler's total limits, so the pool
     * has nodeCount nodes (or stays within autoscale) whatever the number of zones.
     */
    @Override
    public void kubernetes(ResourceView cluster, GenerationContext context) {
        ResourceView network = context.resource(cluster.string("network"));
        String subnetId = cluster.has("subnet")
                ? GcpSupport.subnetId(context.resource(cluster.string("subnet")))
                : generatedNodeSubnet(cluster, network, context);
        String clusterId = "google_container_cluster." + cluster.id();
        context.module().resource(cluster.name(), Blocks.resource("google_container_cluster", cluster.id(), body -> body
                .attr("name", Names.fit(context.cloudName(cluster), 40))
                .attr("location", context.region())
                .ref("network", GcpSupport.networkId(network))
                .ref("subnetwork", subnetId)
                .attr("min_master_version", cluster.string("version"))
                .attr("networking_mode", "VPC_NATIVE")
                .attr("deletion_protection", context.production())
                .blank()
                // The default pool cannot be configured well; it is replaced by the pool below.
                .attr("remove_default_node_pool", true)
                .attr("initial_node_count", 1)
                .block("ip_allocation_policy", policy -> { })));

        Optional<Map<String, Object>> autoscale = Optional.of(cluster.object("autoscale")).filter(map -> !map.isEmpty());
        long nodeCount = cluster.integer("nodeCount");
        String tag = GcpSupport.networkTag(context, cluster).orElseThrow();
        context.module().resource(cluster.name(), Blocks.resource("google_container_node_pool", cluster.id(), body -> body
                .attr("name", Names.fit(context.cloudName(cluster, "nodes"), 40))
                .ref("cluster", clusterId + ".id")
                .attr("location", context.region())
                .attr("initial_node_count", 1)
                .block("autoscaling", scaling -> scaling
                        .attr("total_min_node_count", autoscale.map(a -> ((Number) a.get("min")).longValue()).orElse(nodeCount))
                        .attr("total_max_node_count", autoscale.map(a -> ((Number) a.get("max")).longValue()).orElse(nodeCount))
                        .attr("location_policy", "BALANCED"))
                .block("management", management -> management
                        .attr("auto_repair", true)
                        .attr("auto_upgrade", true))
                .block("node_config", node -> node
                        .attr("machine_type", context.sku(cluster, "nodeSize"))
                        .attr("tags", Expression.strings(List.of(tag)))
                        .attr("oauth_scopes", Expression.strings(List.of("https://www.googleapis.com/auth/cloud-platform"))))));

        Declarations.output(context, cluster.id("endpoint"), "API server endpoint of cluster " + cluster.name(), clusterId + ".endpoint");
        Declarations.output(context, cluster.id("name"), "Name of GKE cluster " + cluster.name(), clusterId + ".name");
    }

    private static String generatedNodeSubnet(ResourceView cluster, ResourceView network, GenerationContext context) {
        context.module().resource(cluster.name(), GcpNetworking.subnetBlock(cluster.id("nodes"),
                Names.fit(context.cloudName(cluster, "nodes"), 63), network, context.allocateNodeRange(network, cluster).toString(), context));
        return "google_compute_subnetwork." + cluster.id("nodes") + ".id";
    }
}
