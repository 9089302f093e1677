package io.dharma.generator.mapping.aws;

import io.dharma.blueprint.Cloud;
import io.dharma.generator.mapping.CatalogueMapping;
import io.dharma.generator.mapping.Exprs;
import io.dharma.generator.mapping.GenerationContext;
import io.dharma.generator.mapping.ProviderVersions;
import io.dharma.generator.mapping.ResourceView;
import io.dharma.generator.terraform.Blocks;
import java.util.Map;

/** The catalogue on AWS (hashicorp/aws). Tags reach every resource through the provider's default_tags. */
public final class AwsMapping extends CatalogueMapping {

    public AwsMapping() {
        super(Cloud.AWS, ProviderVersions.AWS, Map.ofEntries(
                Map.entry("network", AwsNetworking::network),
                Map.entry("subnet", AwsNetworking::subnet),
                Map.entry("firewall", AwsNetworking::firewall),
                Map.entry("compute.instance", AwsCompute::instance),
                Map.entry("kubernetes.cluster", AwsCompute::kubernetes),
                Map.entry("database.postgres", AwsData::database),
                Map.entry("database.mysql", AwsData::database),
                Map.entry("storage.bucket", AwsData::bucket),
                Map.entry("cache.redis", AwsData::cache),
                Map.entry("loadbalancer", AwsTraffic::loadBalancer),
                Map.entry("dns.record", AwsTraffic::dnsRecord)));
    }

    @Override
    public void providers(GenerationContext context) {
        context.module().providerBlock(Blocks.provider("aws", body -> body
                .attr("region", context.region())
                .block("default_tags", tags -> tags.ref("tags", "local.tags"))));
        context.module().providerBlock(Blocks.locals(body -> body.attr("tags", Exprs.stringMap(context.tags()))));
    }
}
