package io.dharma.generator.mapping.gcp;

import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import java.util.List;
import java.util.Optional;

/** What several GCP mappings share: zones, network tags, private services access. */
final class GcpSupport {

    static final String LABELS = "local.labels";

    private GcpSupport() {
    }

    static void declareZones(GenerationContext context) {
        context.module().data(Blocks.data("google_compute_zones", "available", body -> body
                .attr("region", context.region())
                .attr("status", "UP")));
    }

    /** The zone of the instances in the n-th subnet of a network (GCP subnets are regional; instances are not). */
    static String zone(int index) {
        return "element(data.google_compute_zones.available.names, " + index + ")";
    }

    static String networkId(ResourceView network) {
        return "google_compute_network." + network.id() + ".id";
    }

    static String subnetId(ResourceView subnet) {
        return "google_compute_subnetwork." + subnet.id() + ".id";
    }

    /**
     * The network tag of a resource whose VMs firewall rules can select (instances and cluster
     * nodes); other types (Cloud SQL, Memorystore, load balancers) are not VMs in the network.
     */
    static Optional<String> networkTag(GenerationContext context, ResourceView resource) {
        return switch (resource.type()) {
            case "compute.instance", "kubernetes.cluster" -> Optional.of(Names.fit(context.cloudName(resource), 63));
            default -> Optional.empty();
        };
    }

    static List<String> networkTags(GenerationContext context, List<ResourceView> resources) {
        return resources.stream().map(resource -> networkTag(context, resource)).flatMap(Optional::stream).toList();
    }

    /** Whether Cloud SQL or Memorystore sits in the network, which then needs private services access. */
    static boolean needsPrivateServices(GenerationContext context, ResourceView network) {
        return context.resources("database.postgres", "database.mysql", "cache.redis").stream()
                .anyMatch(service -> context.networkOf(service).map(net -> net.name().equals(network.name())).orElse(false));
    }

    /** The peering connection managed services reach the network through. */
    static String privateServicesConnection(ResourceView network) {
        return "google_service_networking_connection." + network.id("private_services");
    }
}
