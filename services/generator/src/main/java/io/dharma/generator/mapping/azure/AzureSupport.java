package io.dharma.generator.mapping.azure;

import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.Names;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import io.dharma.generator.terraform.Body;
import io.dharma.generator.terraform.Expression;
import java.util.List;

/** What several Azure mappings share: the blueprint's resource group, tags, subnets, global names, private endpoints. */
final class AzureSupport {

    static final String RESOURCE_GROUP = "azurerm_resource_group.main";
    static final String TAGS = "local.tags";

    private AzureSupport() {
    }

    /** Resource group and location, the first two arguments of almost every Azure resource. */
    static Body placed(Body body) {
        return body
                .ref("resource_group_name", RESOURCE_GROUP + ".name")
                .ref("location", RESOURCE_GROUP + ".location");
    }

    static String subnetId(ResourceView subnet) {
        return "azurerm_subnet." + subnet.id() + ".id";
    }

    /** The subnet the generator creates for a cluster that names none. */
    static String generatedNodeSubnetId(ResourceView cluster) {
        return "azurerm_subnet." + cluster.id("nodes") + ".id";
    }

    /**
     * Subnets a resource lives in, as (claim key, subnet id) pairs: an Azure network security
     * group is attached per subnet. A cluster without a subnet lives in the one generated for it.
     */
    static List<String[]> subnetsOf(GenerationContext context, ResourceView resource) {
        return switch (resource.type()) {
            case "loadbalancer" -> resource.strings("subnets").stream()
                    .map(name -> new String[] {name, subnetId(context.resource(name))}).toList();
            case "kubernetes.cluster" -> resource.has("subnet")
                    ? List.<String[]>of(new String[] {resource.string("subnet"), subnetId(context.resource(resource.string("subnet")))})
                    : List.<String[]>of(new String[] {resource.name() + "/nodes", generatedNodeSubnetId(resource)});
            default -> List.<String[]>of(new String[] {resource.string("subnet"), subnetId(context.resource(resource.string("subnet")))});
        };
    }

    /**
     * A random suffix for a name that must be unique across Azure (storage accounts, database
     * and cache servers): {@code random_id.<resource>}, six hex digits, kept in the state.
     */
    static String globalSuffix(GenerationContext context, ResourceView owner) {
        context.module().useProvider("random");
        context.module().resource(owner.name(), Blocks.resource("random_id", owner.id(), body -> body
                .attr("byte_length", 3)));
        return "${random_id." + owner.id() + ".hex}";
    }

    /** A globally unique DNS-label name: {@code <blueprint>-<resource>-<6 hex>}, at most {@code max} characters. */
    static Expression globalName(GenerationContext context, ResourceView owner, int max) {
        return Expression.template(Names.fit(context.cloudName(owner), max - 7) + "-" + globalSuffix(context, owner));
    }

    /** A private endpoint in {@code subnet} for a PaaS service, which then has no public network access. */
    static void privateEndpoint(GenerationContext context, ResourceView owner, ResourceView subnet, String serviceId,
            String subresource) {
        context.module().resource(owner.name(), Blocks.resource("azurerm_private_endpoint", owner.id(), body -> placed(body
                .attr("name", Names.fit(context.cloudName(owner, "pe"), 80)))
                .ref("subnet_id", subnetId(subnet))
                .ref("tags", TAGS)
                .block("private_service_connection", connection -> connection
                        .attr("name", Names.fit(context.cloudName(owner), 80))
                        .ref("private_connection_resource_id", serviceId)
                        .attr("subresource_names", Expression.strings(List.of(subresource)))
                        .attr("is_manual_connection", false))));
    }
}
