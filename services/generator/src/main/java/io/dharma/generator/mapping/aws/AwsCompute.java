package io.dharma.generator.mapping.aws;

import static io.dharma.generator.mapping.Exprs.refs;

import io.dharma.generator.mapping.Compute;
import io.dharma.generator.mapping.Declarations;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.CidrRange;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Expression;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** compute.instance and kubernetes.cluster on AWS: EC2 instances, EKS with a managed node group. */
final class AwsCompute implements Compute {

    /** An AMI lookup: the publisher's account and the name pattern of its current images. */
    private record Image(String owner, String namePattern) {
    }

    private static final Map<String, Image> IMAGES = Map.of(
            "ubuntu-22.04", new Image("099720109477", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-*"),
            "ubuntu-24.04", new Image("099720109477", "ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-*"),
            "debian-12", new Image("136693071363", "debian-12-amd64-*"),
            "rhel-9", new Image("309956199498", "RHEL-9.*_HVM-*-x86_64-*"),
            "windows-2022", new Image("amazon", "Windows_Server-2022-English-Full-Base-*"));

    private static final Map<String, String> NODE_POLICIES = nodePolicies();

    @Override
    public void instance(ResourceView instance, GenerationContext context) {
        String image = instance.string("image");
        String ami = Names.identifier(image.replace('.', '_'));
        Image lookup = IMAGES.get(image);
        context.module().data(Blocks.data("aws_ami", ami, body -> body
                .attr("most_recent", true)
                .attr("owners", Expression.strings(List.of(lookup.owner())))
                .block("filter", filter -> filter
                        .attr("name", "name")
                        .attr("values", Expression.strings(List.of(lookup.namePattern()))))
                .block("filter", filter -> filter
                        .attr("name", "architecture")
                        .attr("values", Expression.strings(List.of("x86_64"))))));

        ResourceView subnet = context.resource(instance.string("subnet"));
        List<String> groups = AwsSupport.securityGroupIds(context, instance);
        Map<String, Object> disk = instance.object("disk");
        context.module().resource(instance.name(), Blocks.resource("aws_instance", instance.id(), body -> body
                .attr("count", instance.integer("count"))
                .blank()
                .ref("ami", "data.aws_ami." + ami + ".id")
                .attr("instance_type", context.sku(instance, "size"))
                .ref("subnet_id", AwsSupport.subnetId(subnet))
                .attr("vpc_security_group_ids", groups.isEmpty() ? null : refs(groups))
                .attr("associate_public_ip_address", instance.bool("publicIp"))
                .block("metadata_options", options -> options
                        .attr("http_endpoint", "enabled")
                        .attr("http_tokens", "required"))
                .block("root_block_device", root -> root
                        .attr("encrypted", true)
                        .attr("volume_size", ((Number) disk.get("sizeGb")).longValue())
                        .attr("volume_type", "ssd".equals(disk.get("type")) ? "gp3" : "standard"))
                .attr("tags", nameTemplate(context.cloudName(instance) + "-${count.index}"))));

        Declarations.output(context, instance.id("private_ips"), "Private IP addresses of " + instance.name(),
                "aws_instance." + instance.id() + "[*].private_ip");
        if (instance.bool("publicIp")) {
            Declarations.output(context, instance.id("public_ips"), "Public IP addresses of " + instance.name(),
                    "aws_instance." + instance.id() + "[*].public_ip");
        }
    }

    private static Expression nameTemplate(String template) {
        return Expression.object(Map.of("Name", Expression.template(template)));
    }

    /**
     * An EKS cluster with its IAM roles and one managed node group. The control plane gets the
     * node subnet and its siblings (EKS wants two zones); without a subnet, two public node
     * subnets are created at the top of the VPC range.
     */
    @Override
    public void kubernetes(ResourceView cluster, GenerationContext context) {
        ResourceView network = context.resource(cluster.string("network"));
        List<String> nodeSubnets;
        List<String> controlPlaneSubnets;
        if (cluster.has("subnet")) {
            ResourceView subnet = context.resource(cluster.string("subnet"));
            nodeSubnets = List.of(AwsSupport.subnetId(subnet));
            controlPlaneSubnets = AwsSupport.subnetGroup(context, cluster, subnet);
        } else {
            nodeSubnets = nodeSubnets(cluster, network, context);
            controlPlaneSubnets = nodeSubnets;
        }

        assumeRolePolicy(context, "eks");
        assumeRolePolicy(context, "ec2");
        context.module().resource(cluster.name(), Blocks.resource("aws_iam_role", cluster.id("cluster"), body -> body
                .attr("name", Names.fit(context.cloudName(cluster, "cluster"), 64))
                .ref("assume_role_policy", "data.aws_iam_policy_document.eks_assume_role.json")));
        context.module().resource(cluster.name(), Blocks.resource("aws_iam_role_policy_attachment", cluster.id("cluster"), body -> body
                .ref("role", "aws_iam_role." + cluster.id("cluster") + ".name")
                .attr("policy_arn", "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy")));
        context.module().resource(cluster.name(), Blocks.resource("aws_iam_role", cluster.id("nodes"), body -> body
                .attr("name", Names.fit(context.cloudName(cluster, "nodes"), 64))
                .ref("assume_role_policy", "data.aws_iam_policy_document.ec2_assume_role.json")));
        Map<String, Expression> policies = new LinkedHashMap<>();
        NODE_POLICIES.forEach((key, arn) -> policies.put(key, Expression.string(arn)));
        context.module().resource(cluster.name(), Blocks.resource("aws_iam_role_policy_attachment", cluster.id("nodes"), body -> body
                .attr("for_each", Expression.object(policies))
                .blank()
                .ref("role", "aws_iam_role." + cluster.id("nodes") + ".name")
                .ref("policy_arn", "each.value")));

        List<String> groups = AwsSupport.securityGroupIds(context, cluster);
        context.module().resource(cluster.name(), Blocks.resource("aws_eks_cluster", cluster.id(), body -> body
                .attr("name", Names.fit(context.cloudName(cluster), 100))
                .ref("role_arn", "aws_iam_role." + cluster.id("cluster") + ".arn")
                .attr("version", cluster.string("version"))
                .block("vpc_config", vpc -> vpc
                        .attr("subnet_ids", refs(controlPlaneSubnets))
                        .attr("security_group_ids", groups.isEmpty() ? null : refs(groups))
                        .attr("endpoint_private_access", true)
                        .attr("endpoint_public_access", true))
                .attr("depends_on", Exprs.keywords(List.of("aws_iam_role_policy_attachment." + cluster.id("cluster"))))));

        Optional<Map<String, Object>> autoscale = Optional.of(cluster.object("autoscale")).filter(map -> !map.isEmpty());
        long nodeCount = cluster.integer("nodeCount");
        context.module().resource(cluster.name(), Blocks.resource("aws_eks_node_group", cluster.id(), body -> body
                .ref("cluster_name", "aws_eks_cluster." + cluster.id() + ".name")
                .attr("node_group_name", Names.fit(context.cloudName(cluster, "nodes"), 63))
                .ref("node_role_arn", "aws_iam_role." + cluster.id("nodes") + ".arn")
                .attr("subnet_ids", refs(nodeSubnets))
                .attr("instance_types", Expression.strings(List.of(context.sku(cluster, "nodeSize"))))
                .block("scaling_config", scaling -> scaling
                        .attr("desired_size", nodeCount)
                        .attr("min_size", autoscale.map(a -> ((Number) a.get("min")).longValue()).orElse(nodeCount))
                        .attr("max_size", autoscale.map(a -> ((Number) a.get("max")).longValue()).orElse(nodeCount)))
                .block("update_config", update -> update.attr("max_unavailable", 1))
                .attr("depends_on", Exprs.keywords(List.of("aws_iam_role_policy_attachment." + cluster.id("nodes"))))
                .block(autoscale.isEmpty() ? null : Blocks.lifecycleIgnoring("scaling_config[0].desired_size"))));

        Declarations.output(context, cluster.id("endpoint"), "API server endpoint of cluster " + cluster.name(),
                "aws_eks_cluster." + cluster.id() + ".endpoint");
        Declarations.output(context, cluster.id("name"), "Name of EKS cluster " + cluster.name(),
                "aws_eks_cluster." + cluster.id() + ".name");
    }

    private static List<String> nodeSubnets(ResourceView cluster, ResourceView network, GenerationContext context) {
        List<String> ids = new ArrayList<>();
        for (int zone = 0; zone < 2; zone++) {
            String suffix = zone == 0 ? "a" : "b";
            ids.add(AwsSupport.generatedSubnet(context, cluster, network, "nodes_" + suffix, context.allocateNodeRange(network, cluster),
                    zone, true));
        }
        return ids;
    }

    private static void assumeRolePolicy(GenerationContext context, String service) {
        context.module().data(Blocks.data("aws_iam_policy_document", service + "_assume_role", body -> body
                .block("statement", statement -> statement
                        .attr("actions", Expression.strings(List.of("sts:AssumeRole")))
                        .block("principals", principals -> principals
                                .attr("type", "Service")
                                .attr("identifiers", Expression.strings(List.of(service + ".amazonaws.com")))))));
    }

    private static Map<String, String> nodePolicies() {
        Map<String, String> policies = new LinkedHashMap<>();
        policies.put("worker", "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy");
        policies.put("cni", "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy");
        policies.put("registry", "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
        return policies;
    }
}
