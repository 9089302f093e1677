package io.dharma.sandbox.provider;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * AWS: ARNs in the tenant's account (12 digits derived from the tenant), resource ids in AWS's
 * own formats ({@code vpc-0…}, {@code i-0…}, {@code sg-0…}) and the attributes its APIs report.
 * Account-wide names (RDS, ElastiCache, load balancers) carry the stack's suffix; S3 bucket names
 * are global, so they carry the blueprint name too.
 */
final class AwsShape implements CloudShape {

    @Override
    public ProviderResource shape(ResourceFacts r) {
        String account = account(r.stack().tenantId());
        String ec2 = "arn:aws:ec2:" + r.region() + ":" + account + ":";
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("accountId", account);
        attributes.put("region", r.region());
        String arn = switch (r.type()) {
            case "network" -> {
                String vpcId = "vpc-0" + r.hex(16);
                attributes.put("vpcId", vpcId);
                attributes.put("cidrBlock", r.text("cidr"));
                yield ec2 + "vpc/" + vpcId;
            }
            case "subnet" -> {
                String subnetId = "subnet-0" + r.hex(16);
                attributes.put("subnetId", subnetId);
                attributes.put("vpcId", r.neighbourAttribute("network", "vpcId"));
                attributes.put("cidrBlock", r.text("cidr"));
                attributes.put("availabilityZone", r.region() + r.pick("a", "b", "c"));
                attributes.put("mapPublicIpOnLaunch", Boolean.toString(r.flag("public")));
                yield ec2 + "subnet/" + subnetId;
            }
            case "firewall" -> {
                String groupId = "sg-0" + r.hex(16);
                attributes.put("groupId", groupId);
                attributes.put("groupName", r.scopedName(255));
                attributes.put("vpcId", r.neighbourAttribute("network", "vpcId"));
                attributes.put("ingressRules", Integer.toString(r.size("ingress")));
                attributes.put("egressRules", Integer.toString(r.size("egress")));
                yield ec2 + "security-group/" + groupId;
            }
            case "compute.instance" -> {
                List<String> instanceIds = new ArrayList<>();
                for (int i = 0; i < r.count(); i++) {
                    instanceIds.add("i-0" + r.hex(16, i));
                }
                attributes.put("instanceType", r.sku("size"));
                attributes.put("instanceIds", String.join(",", instanceIds));
                attributes.put("privateIps", String.join(",", r.privateIps(r.count())));
                if (r.flag("publicIp")) {
                    attributes.put("publicIps", String.join(",", r.publicIps(r.count())));
                }
                attributes.put("imageId", "ami-0" + ResourceFacts.sha256Hex(r.region(), r.text("image")).substring(0, 16));
                attributes.put("subnetId", r.neighbourAttribute("subnet", "subnetId"));
                attributes.put("availabilityZone", r.neighbourAttribute("subnet", "availabilityZone"));
                yield ec2 + "instance/" + instanceIds.getFirst();
            }
            case "kubernetes.cluster" -> {
                String cluster = r.scopedName(100);
                attributes.put("clusterName", cluster);
                attributes.put("endpoint", "https://" + r.hex(32).toUpperCase(Locale.ROOT)
                        + ".gr7." + r.region() + ".eks.amazonaws.com");
                attributes.put("kubernetesVersion", r.text("version"));
                attributes.put("nodeInstanceType", r.sku("nodeSize"));
                attributes.put("nodeCount", Long.toString(r.number("nodeCount", 3)));
                yield "arn:aws:eks:" + r.region() + ":" + account + ":cluster/" + cluster;
            }
            case "database.postgres", "database.mysql" -> {
                boolean postgres = r.type().equals("database.postgres");
                String identifier = r.scopedName(63);
                attributes.put("dbInstanceIdentifier", identifier);
                attributes.put("instanceClass", r.sku("size"));
                attributes.put("engine", postgres ? "postgres" : "mysql");
                attributes.put("engineVersion", r.text("version"));
                attributes.put("endpoint", identifier + "." + r.hex(12, "rds") + "." + r.region() + ".rds.amazonaws.com");
                attributes.put("port", postgres ? "5432" : "3306");
                attributes.put("multiAz", Boolean.toString(r.flag("highAvailability")));
                attributes.put("storageEncrypted", Boolean.toString(r.flag("encrypted")));
                yield "arn:aws:rds:" + r.region() + ":" + account + ":db:" + identifier;
            }
            case "storage.bucket" -> {
                String bucket = ResourceFacts.truncate(r.stack().blueprintName() + "-" + r.name(), 56) + "-" + r.stackSuffix();
                attributes.put("bucket", bucket);
                attributes.put("bucketRegionalDomainName", bucket + ".s3." + r.region() + ".amazonaws.com");
                attributes.put("versioning", r.flag("versioning") ? "Enabled" : "Suspended");
                yield "arn:aws:s3:::" + bucket;
            }
            case "cache.redis" -> {
                String group = r.scopedName(40);
                attributes.put("replicationGroupId", group);
                attributes.put("nodeType", r.sku("size"));
                attributes.put("engineVersion", r.text("version"));
                attributes.put("endpoint", "master." + group + "." + r.hex(6, "cache") + "." + r.region() + ".cache.amazonaws.com");
                attributes.put("port", "6379");
                yield "arn:aws:elasticache:" + r.region() + ":" + account + ":replicationgroup:" + group;
            }
            case "loadbalancer" -> {
                boolean application = !r.text("type").equals("network");
                String name = r.scopedName(32);
                String dns = (r.flag("public") ? "" : "internal-") + name + "-" + r.digits(10, "elb") + "."
                        + r.region() + ".elb.amazonaws.com";
                attributes.put("loadBalancerName", name);
                attributes.put("scheme", r.flag("public") ? "internet-facing" : "internal");
                attributes.put("dnsName", dns);
                yield "arn:aws:elasticloadbalancing:" + r.region() + ":" + account + ":loadbalancer/"
                        + (application ? "app/" : "net/") + name + "/" + r.hex(16, "elb");
            }
            case "dns.record" -> {
                // Route 53 records have no ARN; this is the id Terraform's aws_route53_record uses.
                String zoneId = "Z" + ResourceFacts.sha256Hex(r.stack().tenantId(), r.text("zone"))
                        .substring(0, 20).toUpperCase(Locale.ROOT);
                String fqdn = r.recordFqdn();
                attributes.put("zoneId", zoneId);
                attributes.put("fqdn", fqdn);
                attributes.put("records", String.join(",", r.recordValues()));
                attributes.put("ttl", Long.toString(r.number("ttl", 300)));
                yield zoneId + "_" + fqdn + "_" + r.text("type");
            }
            default -> throw new IllegalArgumentException("the sandbox cannot shape type " + r.type() + " on aws");
        };
        return new ProviderResource(arn, attributes);
    }

    /** The tenant's simulated 12-digit AWS account id. */
    static String account(String tenantId) {
        return ResourceFacts.digitsOf(new BigInteger(ResourceFacts.sha256Hex("aws-account", tenantId), 16), 12);
    }
}
