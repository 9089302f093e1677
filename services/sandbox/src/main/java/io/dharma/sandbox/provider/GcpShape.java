package io.dharma.sandbox.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GCP: self links ({@code https://www.googleapis.com/compute/v1/projects/<project>/...}, and the
 * matching URLs of Cloud SQL, GKE, Memorystore, Cloud Storage and Cloud DNS) in the tenant's
 * project ({@code dh-<tenant>-<hash>}). Names are unique per project, so every name carries the
 * stack's suffix.
 */
final class GcpShape implements CloudShape {

    private static final String COMPUTE = "https://www.googleapis.com/compute/v1/projects/";

    @Override
    public ProviderResource shape(ResourceFacts r) {
        String project = project(r.stack().tenantId());
        String compute = COMPUTE + project + "/";
        String name = r.scopedName(63);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("project", project);
        attributes.put("region", r.region());
        String selfLink = switch (r.type()) {
            case "network" -> {
                attributes.put("name", name);
                attributes.put("cidr", r.text("cidr"));
                yield compute + "global/networks/" + name;
            }
            case "subnet" -> {
                attributes.put("name", name);
                attributes.put("ipCidrRange", r.text("cidr"));
                attributes.put("network", r.neighbourProviderId("network"));
                attributes.put("gatewayAddress", Ipv4Block.parse(r.text("cidr")).address(1));
                yield compute + "regions/" + r.region() + "/subnetworks/" + name;
            }
            case "firewall" -> {
                attributes.put("name", name);
                attributes.put("network", r.neighbourProviderId("network"));
                attributes.put("rules", Integer.toString(r.size("ingress") + r.size("egress")));
                yield compute + "global/firewalls/" + name;
            }
            case "compute.instance" -> {
                String zone = r.region() + "-" + r.pick("b", "c", "d");
                List<String> names = new ArrayList<>();
                for (int i = 0; i < r.count(); i++) {
                    names.add(i == 0 ? name : ResourceFacts.truncate(r.name(), 63 - 7 - 4) + "-" + i + "-" + r.stackSuffix());
                }
                attributes.put("zone", zone);
                attributes.put("machineType", r.sku("size"));
                attributes.put("instanceNames", String.join(",", names));
                attributes.put("privateIps", String.join(",", r.privateIps(r.count())));
                if (r.flag("publicIp")) {
                    attributes.put("publicIps", String.join(",", r.publicIps(r.count())));
                }
                attributes.put("subnetwork", r.neighbourProviderId("subnet"));
                yield compute + "zones/" + zone + "/instances/" + names.getFirst();
            }
            case "kubernetes.cluster" -> {
                attributes.put("name", name);
                attributes.put("endpoint", r.publicIps(1).getFirst());
                attributes.put("currentMasterVersion", r.text("version"));
                attributes.put("nodeMachineType", r.sku("nodeSize"));
                attributes.put("nodeCount", Long.toString(r.number("nodeCount", 3)));
                yield "https://container.googleapis.com/v1/projects/" + project + "/locations/" + r.region() + "/clusters/" + name;
            }
            case "database.postgres", "database.mysql" -> {
                boolean postgres = r.type().equals("database.postgres");
                attributes.put("name", name);
                attributes.put("tier", r.sku("size"));
                attributes.put("databaseVersion", (postgres ? "POSTGRES_" : "MYSQL_") + r.text("version").replace('.', '_'));
                attributes.put("connectionName", project + ":" + r.region() + ":" + name);
                attributes.put("privateIp", r.privateIps(1).getFirst());
                attributes.put("endpoint", attributes.get("privateIp") + (postgres ? ":5432" : ":3306"));
                attributes.put("availabilityType", r.flag("highAvailability") ? "REGIONAL" : "ZONAL");
                yield "https://sqladmin.googleapis.com/sql/v1beta4/projects/" + project + "/instances/" + name;
            }
            case "storage.bucket" -> {
                String bucket = ResourceFacts.truncate(r.stack().blueprintName() + "-" + r.name(), 56) + "-" + r.stackSuffix();
                attributes.put("name", bucket);
                attributes.put("url", "gs://" + bucket);
                attributes.put("location", r.region().toUpperCase(Locale.ROOT));
                attributes.put("versioning", Boolean.toString(r.flag("versioning")));
                yield "https://www.googleapis.com/storage/v1/b/" + bucket;
            }
            case "cache.redis" -> {
                String sku = r.sku("size");
                int split = sku.lastIndexOf('_');
                attributes.put("name", name);
                attributes.put("tier", sku.substring(0, split));
                attributes.put("memorySizeGb", sku.substring(split + 1).replace("GB", ""));
                attributes.put("redisVersion", "REDIS_" + r.text("version") + "_X");
                attributes.put("host", r.privateIps(1).getFirst());
                attributes.put("port", "6379");
                attributes.put("endpoint", attributes.get("host") + ":6379");
                yield "https://redis.googleapis.com/v1/projects/" + project + "/locations/" + r.region() + "/instances/" + name;
            }
            case "loadbalancer" -> {
                boolean external = r.flag("public");
                boolean application = !r.text("type").equals("network");
                String ip = external ? r.publicIps(1).getFirst() : r.privateIps(1).getFirst();
                attributes.put("name", name);
                attributes.put("ipAddress", ip);
                attributes.put("dnsName", ip);
                attributes.put("loadBalancingScheme", (external ? "EXTERNAL" : "INTERNAL") + (application ? "_MANAGED" : ""));
                yield compute + (external && application ? "global" : "regions/" + r.region()) + "/forwardingRules/" + name;
            }
            case "dns.record" -> {
                String managedZone = r.text("zone").replace('.', '-');
                String fqdn = r.recordFqdn() + ".";
                attributes.put("managedZone", managedZone);
                attributes.put("fqdn", fqdn);
                attributes.put("rrdatas", String.join(",", r.recordValues()));
                attributes.put("ttl", Long.toString(r.number("ttl", 300)));
                yield "https://dns.googleapis.com/dns/v1/projects/" + project + "/managedZones/" + managedZone
                        + "/rrsets/" + fqdn + "/" + r.text("type");
            }
            default -> throw new IllegalArgumentException("the sandbox cannot shape type " + r.type() + " on gcp");
        };
        return new ProviderResource(selfLink, attributes);
    }

    /** The tenant's simulated project id: 6-30 characters, a letter first, no trailing hyphen. */
    static String project(String tenantId) {
        return ResourceFacts.truncate("dh-" + tenantId, 23) + "-" + ResourceFacts.sha256Hex("gcp-project", tenantId).substring(0, 6);
    }
}
