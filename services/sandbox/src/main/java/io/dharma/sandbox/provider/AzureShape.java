package io.dharma.sandbox.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Azure: resource ids {@code /subscriptions/<id>/resourceGroups/rg-<blueprint>/providers/<namespace>/<type>/<name>}
 * in the tenant's subscription (a UUID derived from the tenant), one resource group per blueprint.
 * Names that are global DNS labels (database servers, caches, storage accounts) carry the stack's suffix.
 */
final class AzureShape implements CloudShape {

    @Override
    public ProviderResource shape(ResourceFacts r) {
        String resourceGroup = "rg-" + r.stack().blueprintName();
        String providers = "/subscriptions/" + subscription(r.stack().tenantId()) + "/resourceGroups/" + resourceGroup + "/providers/";
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("resourceGroup", resourceGroup);
        attributes.put("location", r.region());
        String id = switch (r.type()) {
            case "network" -> {
                attributes.put("addressSpace", r.text("cidr"));
                attributes.put("resourceGuid", uuid(r.hex(32)));
                yield providers + "Microsoft.Network/virtualNetworks/" + r.name();
            }
            case "subnet" -> {
                attributes.put("addressPrefix", r.text("cidr"));
                attributes.put("virtualNetworkId", r.neighbourProviderId("network"));
                yield providers + "Microsoft.Network/virtualNetworks/" + r.text("network") + "/subnets/" + r.name();
            }
            case "firewall" -> {
                attributes.put("securityRules", Integer.toString(r.size("ingress") + r.size("egress")));
                yield providers + "Microsoft.Network/networkSecurityGroups/" + r.name();
            }
            case "compute.instance" -> {
                List<String> vmNames = new ArrayList<>();
                for (int i = 0; i < r.count(); i++) {
                    vmNames.add(i == 0 ? r.name() : r.name() + "-" + i);
                }
                attributes.put("vmSize", r.sku("size"));
                attributes.put("vmNames", String.join(",", vmNames));
                attributes.put("vmId", uuid(r.hex(32)));
                attributes.put("privateIps", String.join(",", r.privateIps(r.count())));
                if (r.flag("publicIp")) {
                    attributes.put("publicIps", String.join(",", r.publicIps(r.count())));
                }
                attributes.put("zone", r.pick("1", "2", "3"));
                yield providers + "Microsoft.Compute/virtualMachines/" + vmNames.getFirst();
            }
            case "kubernetes.cluster" -> {
                attributes.put("fqdn", r.name() + "-" + r.hex(8) + ".hcp." + r.region() + ".azmk8s.io");
                attributes.put("endpoint", "https://" + attributes.get("fqdn") + ":443");
                attributes.put("kubernetesVersion", r.text("version"));
                attributes.put("nodeVmSize", r.sku("nodeSize"));
                attributes.put("nodeCount", Long.toString(r.number("nodeCount", 3)));
                yield providers + "Microsoft.ContainerService/managedClusters/" + r.name();
            }
            case "database.postgres", "database.mysql" -> {
                boolean postgres = r.type().equals("database.postgres");
                String server = r.scopedName(63);
                attributes.put("skuName", r.sku("size"));
                attributes.put("version", r.text("version"));
                attributes.put("fqdn", server + (postgres ? ".postgres" : ".mysql") + ".database.azure.com");
                attributes.put("endpoint", attributes.get("fqdn"));
                attributes.put("port", postgres ? "5432" : "3306");
                attributes.put("highAvailability", r.flag("highAvailability") ? "ZoneRedundant" : "Disabled");
                yield providers + (postgres ? "Microsoft.DBforPostgreSQL" : "Microsoft.DBforMySQL") + "/flexibleServers/" + server;
            }
            case "storage.bucket" -> {
                // storage account names: 3-24 lower-case letters and digits, globally unique
                String account = "st" + ResourceFacts.truncate(ResourceFacts.lowerAlphanumeric(r.name()), 14) + r.hex(8);
                attributes.put("accountName", account);
                attributes.put("primaryBlobEndpoint", "https://" + account + ".blob.core.windows.net/");
                attributes.put("versioning", Boolean.toString(r.flag("versioning")));
                yield providers + "Microsoft.Storage/storageAccounts/" + account;
            }
            case "cache.redis" -> {
                String cache = r.scopedName(63);
                attributes.put("skuName", r.sku("size"));
                attributes.put("hostName", cache + ".redis.cache.windows.net");
                attributes.put("endpoint", attributes.get("hostName") + ":6380");
                attributes.put("sslPort", "6380");
                attributes.put("redisVersion", r.text("version"));
                yield providers + "Microsoft.Cache/redis/" + cache;
            }
            case "loadbalancer" -> {
                boolean application = !r.text("type").equals("network");
                if (r.flag("public")) {
                    attributes.put("dnsName", r.name() + "-" + r.stackSuffix() + "." + r.region() + ".cloudapp.azure.com");
                    attributes.put("frontendIp", r.publicIps(1).getFirst());
                } else {
                    attributes.put("frontendIp", r.privateIps(1).getFirst());
                    attributes.put("dnsName", attributes.get("frontendIp"));
                }
                yield providers + (application ? "Microsoft.Network/applicationGateways/" : "Microsoft.Network/loadBalancers/") + r.name();
            }
            case "dns.record" -> {
                String zone = r.text("zone");
                attributes.put("fqdn", r.recordFqdn());
                attributes.put("records", String.join(",", r.recordValues()));
                attributes.put("ttl", Long.toString(r.number("ttl", 300)));
                yield providers + "Microsoft.Network/dnsZones/" + zone + "/" + r.text("type") + "/" + r.text("name");
            }
            default -> throw new IllegalArgumentException("the sandbox cannot shape type " + r.type() + " on azure");
        };
        return new ProviderResource(id, attributes);
    }

    /** The tenant's simulated subscription id. */
    static String subscription(String tenantId) {
        return UUID.nameUUIDFromBytes(("azure-subscription\n" + tenantId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String uuid(String hex32) {
        return hex32.substring(0, 8) + "-" + hex32.substring(8, 12) + "-" + hex32.substring(12, 16) + "-"
                + hex32.substring(16, 20) + "-" + hex32.substring(20, 32);
    }
}
